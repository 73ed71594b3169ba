namespace CmuContracts.Cli.Reports;

/// <summary>Reads <c>--filter key=value</c> (IN when repeated) and <c>--filter key!=value</c> (NOT IN).</summary>
internal static class FilterParser
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(IEnumerable<string> filters)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var notEqual = filter.IndexOf("!=", StringComparison.Ordinal);
            var equal = filter.IndexOf('=', StringComparison.Ordinal);
            if (equal <= 0 || notEqual == 0)
            {
                throw new CliUsageException($"--filter '{filter}' is not key=value or key!=value (e.g. --filter tenant=Acme, --filter mvpd!=Comcast).");
            }

            var isNot = notEqual > 0 && notEqual == equal - 1;
            var key = filter[..(isNot ? notEqual : equal)].Trim();
            var value = filter[(equal + 1)..];
            if (key.Length == 0 || value.Length == 0)
            {
                throw new CliUsageException($"--filter '{filter}' needs both a dimension and a value.");
            }

            if (ReportData.TimeDimensions.Contains(key))
            {
                throw new CliUsageException($"--filter '{filter}': time dimensions cannot be filtered; use --start and --end.");
            }

            var wireKey = isNot ? key + "!" : key;
            if (!result.TryGetValue(wireKey, out var values))
            {
                result[wireKey] = values = [];
            }

            values.Add(value);
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }
}
