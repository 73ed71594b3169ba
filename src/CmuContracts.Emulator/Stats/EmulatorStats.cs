using System.Collections.Concurrent;

namespace CmuContracts.Emulator.Stats;

/// <summary>One row of <see cref="StatsSnapshot.Requests"/>: how many requests to an endpoint ended with a status.</summary>
/// <param name="Endpoint">Method and route template, e.g. <c>POST /o/client/token</c> or <c>GET /cmu/v2/tenant</c>.</param>
/// <param name="Status">HTTP status, or 0 for a dropped connection.</param>
/// <param name="Count">Number of such requests.</param>
public sealed record RequestCount(string Endpoint, int Status, long Count);

/// <summary>What <c>GET /emulator/stats</c> returns.</summary>
public sealed record StatsSnapshot(long Registrations, long TokensIssued, IReadOnlyList<RequestCount> Requests)
{
    /// <summary>Requests to an endpoint, optionally with one status only.</summary>
    public long CountOf(string endpoint, int? status = null) =>
        Requests.Where(r => r.Endpoint == endpoint && (status is null || r.Status == status)).Sum(r => r.Count);
}

/// <summary>Counters of registrations, tokens and requests by endpoint and status.</summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<(string Endpoint, int Status), long> _requests = new();
    private long _registrations;
    private long _tokens;

    internal void CountRegistration() => Interlocked.Increment(ref _registrations);

    internal void CountToken() => Interlocked.Increment(ref _tokens);

    internal void CountRequest(string endpoint, int status) => _requests.AddOrUpdate((endpoint, status), 1, (_, n) => n + 1);

    /// <summary>A consistent-enough copy of the counters, sorted by endpoint then status.</summary>
    public StatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _registrations),
        Interlocked.Read(ref _tokens),
        [.. _requests.Select(kv => new RequestCount(kv.Key.Endpoint, kv.Key.Status, kv.Value))
            .OrderBy(r => r.Endpoint, StringComparer.Ordinal).ThenBy(r => r.Status)]);

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset()
    {
        _requests.Clear();
        Interlocked.Exchange(ref _registrations, 0);
        Interlocked.Exchange(ref _tokens, 0);
    }
}
