using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>Applies <c>--filter key=value</c> (IN when repeated) and <c>--filter key!=value</c> (NOT IN) to a query.</summary>
internal static class FilterParser
{
    /// <exception cref="CliUsageException">A filter is not key=value or key!=value, or names no filterable dimension.</exception>
    public static UsageReportQuery Apply(UsageReportQuery query, IEnumerable<string> filters)
    {
        foreach (var filter in filters)
        {
            var equal = filter.IndexOf('=', StringComparison.Ordinal);
            if (equal <= 0)
            {
                throw new CliUsageException($"--filter '{filter}' is not key=value or key!=value (e.g. --filter tenant=Acme, --filter mvpd!=Comcast).");
            }

            var isNot = filter[equal - 1] == '!';
            var key = filter[..(isNot ? equal - 1 : equal)].Trim();
            var value = filter[(equal + 1)..];
            if (key.Length == 0 || value.Length == 0)
            {
                throw new CliUsageException($"--filter '{filter}' needs both a dimension and a value.");
            }

            if (new ReportDimension(key).IsTime)
            {
                throw new CliUsageException($"--filter '{filter}': CMU does not filter time dimensions; use --start and --end.");
            }

            try
            {
                query = isNot ? query.WhereNot(key, value) : query.Where(key, value);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"--filter '{filter}': {StripParameter(ex)}");
            }
        }

        return query;
    }

    internal static string StripParameter(ArgumentException ex) =>
        ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
}
