namespace CmuContracts.Reports;

/// <summary>
/// A CMU report reached the row limit the server applied and the library could not fetch it whole: CMU has no
/// paging, and the report could not be cut into smaller time windows (its path has no time dimension, or one bucket
/// of its finest time dimension alone reaches the limit). The message gives the limit and how to narrow the report;
/// <see cref="UsageReportQuery.AllowPartial"/> accepts the cut report instead.
/// </summary>
public sealed class UsageReportLimitException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public UsageReportLimitException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public UsageReportLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public UsageReportLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a report (for tests and mocks).</summary>
    /// <param name="message">What happened.</param>
    /// <param name="path">The report's path.</param>
    /// <param name="limit">The row limit it reached.</param>
    public UsageReportLimitException(string message, string path, int limit)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Limit = limit;
    }

    internal UsageReportLimitException(string message, string path, int limit, DateTimeOffset? windowStart, DateTimeOffset? windowEnd)
        : this(message, path, limit)
    {
        WindowStart = windowStart;
        WindowEnd = windowEnd;
    }

    /// <summary>The report's path, e.g. <c>/tenant</c>.</summary>
    public string Path { get; } = "/";

    /// <summary>The number of rows the server returned at most per request (its <c>limit</c>).</summary>
    public int Limit { get; }

    /// <summary>Start of the time window that reached the limit and could not be cut, if known.</summary>
    public DateTimeOffset? WindowStart { get; }

    /// <summary>End of that window, if known.</summary>
    public DateTimeOffset? WindowEnd { get; }
}
