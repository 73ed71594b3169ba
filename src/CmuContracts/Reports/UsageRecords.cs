using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>
/// The records of a report as <see cref="IUsageReports.GetRecordsAsync"/> streams them, and, once they have been read
/// to the end, what they cover (<see cref="Coverage"/>: window, limit, whether truncated, windows fetched). Each
/// enumeration sends the requests again.
/// </summary>
public sealed class UsageRecords : IAsyncEnumerable<UsageRecord>
{
    private readonly Func<Action<UsageReportCoverage>, CancellationToken, IAsyncEnumerable<UsageRecord>> _produce;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Wraps records (for tests and mocks): <see cref="Coverage"/> becomes <paramref name="coverage"/> once they were read to the end.</summary>
    /// <param name="records">The records.</param>
    /// <param name="coverage">What they cover, if known.</param>
    public UsageRecords(IAsyncEnumerable<UsageRecord> records, UsageReportCoverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _produce = (completed, cancellationToken) => Then(records, () =>
        {
            if (coverage is not null)
            {
                completed(coverage);
            }
        }, cancellationToken);
    }

    internal UsageRecords(Func<Action<UsageReportCoverage>, CancellationToken, IAsyncEnumerable<UsageRecord>> produce, CancellationToken cancellationToken)
    {
        _produce = produce;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// What the records read cover; null until an enumeration has read them to the end (also when it stopped early or
    /// failed). <see cref="UsageReportCoverage.IsTruncated"/> is true only for a query with
    /// <see cref="UsageReportQuery.AllowPartial"/> whose answer stopped at the limit.
    /// </summary>
    public UsageReportCoverage? Coverage { get; private set; }

    /// <inheritdoc/>
    public IAsyncEnumerator<UsageRecord> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        EnumerateAsync(cancellationToken).GetAsyncEnumerator(CancellationToken.None); // the token went to EnumerateAsync

    private async IAsyncEnumerable<UsageRecord> EnumerateAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        await foreach (var record in _produce(c => Coverage = c, both.Token).WithCancellation(both.Token).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<UsageRecord> Then(IAsyncEnumerable<UsageRecord> records, Action atEnd, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }

        atEnd();
    }
}
