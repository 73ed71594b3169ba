using CmuContracts.Emulator.Data;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Emulator.Reports;

/// <summary>The CMU side of the emulator: the tree from the spec, the dataset, the clock and the retention window.</summary>
internal sealed class ReportService(ReportTree tree, EmulatorOptions options, TimeProvider clock)
{
    private readonly ReportEngine _engine = new(new SyntheticDataset(options.Seed, tree.Vocabulary), options.ReportLimits);

    public ReportTree Tree => tree;

    /// <summary>"Now" truncated to the minute: data exists up to (excluding) this minute.</summary>
    public DateTime Now
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        }
    }

    /// <summary>First day of the month <see cref="EmulatorOptions.RetentionMonths"/> months before now.</summary>
    public DateTime RetentionStart => IsoTime.Floor(Now, 1).AddMonths(-options.RetentionMonths);

    public ReportTable? Run(ReportQuery query, out string? error) => _engine.Run(query, RetentionStart, Now, out error);
}
