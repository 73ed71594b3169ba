using System.Reflection;
using System.Text;
using CmuContracts.AdobePass;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Reports straight from the generated Refit <see cref="IUsageReportsClient"/>: one <c>…AsCsvAsync</c> method per
/// spec path, found by its <c>[Get]</c> route. The CSV keeps the server's column order for every format.
/// </summary>
internal sealed class GeneratedClientReportSource(IUsageReportsClient client) : IReportSource
{
    // The tool is not trimmed, and the interface is the generator's own output: its routes are the spec's paths.
    private static readonly Dictionary<string, MethodInfo> CsvMethods = typeof(IUsageReportsClient).GetMethods()
        .Where(m => m.Name.EndsWith("AsCsvAsync", StringComparison.Ordinal))
        .ToDictionary(m => m.GetCustomAttribute<Refit.GetAttribute>()!.Path, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Paths => CsvMethods.Keys;

    public async Task<ReportData> GetAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var (header, rows) = CsvTable.Parse(await GetCsvAsync(request, cancellationToken).ConfigureAwait(false));
        return new ReportData(request.Path, header, rows);
    }

    public async Task CopyCsvAsync(ReportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        var csv = await GetCsvAsync(request, cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(Encoding.UTF8.GetBytes(csv), cancellationToken).ConfigureAwait(false);
    }

    private Task<string> GetCsvAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var method = CsvMethods[request.Path];
        object?[] arguments =
        [
            request.Start, request.End, null, request.Limit,
            request.Metrics.Count > 0 ? request.Metrics : null,
            request.Filters.Count > 0 ? request.Filters : null,
            cancellationToken,
        ];
        try
        {
            return (Task<string>)method.Invoke(client, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
