namespace CmuContracts.Cli.Reports;

/// <summary>
/// Where <c>cmu report</c> gets reports from. One small seam so the command does not depend on which client API
/// serves it (see <see cref="GeneratedClientReportSource"/>).
/// </summary>
internal interface IReportSource
{
    /// <summary>Every CMU path the client knows (the spec's drill-down tree), e.g. <c>/tenant/year</c>.</summary>
    IReadOnlyCollection<string> Paths { get; }

    /// <summary>The whole report as rows.</summary>
    Task<ReportData> GetAsync(ReportRequest request, CancellationToken cancellationToken);

    /// <summary>The report's CSV, as the server sends it, into <paramref name="destination"/>.</summary>
    Task CopyCsvAsync(ReportRequest request, Stream destination, CancellationToken cancellationToken);
}
