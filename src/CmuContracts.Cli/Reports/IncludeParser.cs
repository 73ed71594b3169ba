using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Applies <c>--include DIM</c>: Adobe's bare <c>?DIM</c> (no value), which adds a dimension to the records without
/// putting it in the path (<see cref="UsageReportQuery.IncludeDimension"/>).
/// </summary>
internal static class IncludeParser
{
    /// <exception cref="CliUsageException">The dimension is a time dimension, already in the path, filtered with IN, or no CMU dimension.</exception>
    public static UsageReportQuery Apply(UsageReportQuery query, IEnumerable<string> dimensions)
    {
        foreach (var dimension in dimensions)
        {
            if (new ReportDimension(dimension).IsTime)
            {
                throw new CliUsageException($"--include {dimension} is a time dimension: use --granularity {dimension} instead.");
            }

            if (query.Dimensions.Contains(dimension, StringComparer.Ordinal))
            {
                throw new CliUsageException($"--include {dimension}: {dimension} is already in the report's path {query.Path}.");
            }

            try
            {
                query = query.IncludeDimension(dimension);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"--include {dimension}: {FilterParser.StripParameter(ex)}");
            }
            catch (UsageReportPathException ex)
            {
                throw new CliUsageException($"--include {dimension}: {ex.Message}");
            }
        }

        return query;
    }
}
