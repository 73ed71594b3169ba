using System.Diagnostics.Tracing;
using System.Globalization;

namespace CmuContracts.Benchmarks;

/// <summary>
/// <c>alloc-report SPEC-INDEX [runs] [full|parse|emit]</c>: which types a full driver run (or one phase) allocates,
/// from the runtime's allocation samples (one GC AllocationTick event per ~100 KB allocated, naming the type that
/// crossed it), so a type's share of the samples estimates its share of the bytes. A profiling aid for choosing what
/// to make lighter.
/// </summary>
internal static class AllocationReport
{
    public const string Command = "alloc-report";

    /// <param name="specIndex">The spec, as an index into <see cref="BenchmarkSpecs.All"/>.</param>
    /// <param name="runs">How many runs to sample.</param>
    /// <param name="phase">See <see cref="BenchPhase.Runner"/>.</param>
    public static void Run(int specIndex, int runs, string phase)
    {
        var spec = BenchmarkSpecs.All[specIndex];
        var run = BenchPhase.Runner(spec, phase);
        GC.KeepAlive(run());
        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            GC.KeepAlive(run());
        }

        var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)runs;
        var sampled = listener.Bytes.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec.Name}, {phase}: {total / 1048576.0:0.0} MB allocated per run; estimated by type:"));
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)sampled * total / 1048576.0,8:0.0} MB  {type}"));
        }
    }

    private sealed class AllocationListener : EventListener
    {
        private const int AllocationTick = 10;

        public Dictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventId != AllocationTick || e.Payload is null || e.PayloadNames is null)
            {
                return;
            }

            var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            if (Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")], CultureInfo.InvariantCulture) == 1)
            {
                type += " (large object heap)";
            }

            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (Bytes)
            {
                Bytes[type] = Bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
