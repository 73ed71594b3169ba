using System.Diagnostics;
using System.Net;
using CmuContracts.Emulator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CmuContracts.Emulator.Tests;

/// <summary>Runs alone: the load tests would distort the timing of everything else on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTestGroup
{
    public const string Name = "Load";
}

/// <summary>
/// Bounded load on loopback against the built emulator in its own process: every request answered, the process's
/// resident memory bounded, and the server healthy afterwards.
/// </summary>
[Collection(LoadTestGroup.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const string Widest = "/tenant/year/month/day/mvpd/platform/application-id/application";
    private const long RssLimitKilobytes = 300 * 1024;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    // Whole-day windows: a window ending "now" also splits the current day into minutes for every series, which
    // would make this test measure that arithmetic rather than the server under concurrency.
    private static readonly string[] Reports =
    [
        "/tenant/year/month/day?start=2025-06-01&end=2025-06-15",
        "/year/month/day?start=2025-05-01&end=2025-06-01",
        "/tenant/year/month/day/channel.csv?tenant=Acme&start=2025-06-01&end=2025-06-15",
        "/mvpd/year/month?start=2025-01&end=2025-06",
        Widest + "?start=2025-05-01&end=2025-06-01&limit=100",
    ];

    private static Task<EmulatorProcess> StartAsync() =>
        EmulatorProcess.StartAsync("--Emulator:Now=2025-06-15T12:34:56Z", "--Emulator:Throttle:Enabled=false");

    private static async Task<int[]> RunAsync(EmulatorClient client, string token, int count, int concurrency, Func<int, string> pathAndQuery)
    {
        using var budget = new CancellationTokenSource(Budget);
        var statuses = new int[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = budget.Token },
            async (i, ct) =>
            {
                using var response = await client.ReportAsync(pathAndQuery(i), token);
                await response.Content.CopyToAsync(Stream.Null, ct); // read every answer completely
                statuses[i] = (int)response.StatusCode;
            });
        return statuses;
    }

    private static async Task AssertHealthyAsync(EmulatorProcess emulator, EmulatorClient client, string token)
    {
        Assert.False(emulator.HasExited);
        using var doc = await client.ReportJsonAsync("/tenant?tenant=Acme", token);
        Assert.Single(ReportDoc.Records(doc));
        using var stats = await client.Http.GetAsync(new Uri("emulator/stats", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    [Fact]
    public async Task TwoThousandReportsAtAHundredConcurrentAreAllAnswered200()
    {
        await using var emulator = await StartAsync();
        using var client = new EmulatorClient(emulator.BaseAddress);
        var token = await client.AccessTokenAsync();
        var watch = Stopwatch.StartNew();

        var statuses = await RunAsync(client, token, 2000, 100, i => Reports[i % Reports.Length]);

        output.WriteLine($"2000 reports at 100 concurrent: {watch.Elapsed.TotalSeconds:F1} s, emulator RSS {emulator.ResidentKilobytes() / 1024} MB");
        Assert.All(statuses, s => Assert.Equal(200, s));
        await AssertHealthyAsync(emulator, client, token);
    }

    [Fact]
    public async Task TwoHundredWidestMonthlyReportsAtFiftyConcurrentStayUnder300MegabytesResident()
    {
        await using var emulator = await StartAsync();
        using var client = new EmulatorClient(emulator.BaseAddress);
        var token = await client.AccessTokenAsync();
        var idle = emulator.ResidentKilobytes();

        // The default one-month daily report on the widest day path: 1,000 rows (default limit) of 27 columns.
        var statuses = await RunAsync(client, token, 200, 50, _ => Widest + "?start=2025-05-01&end=2025-06-01");

        var loaded = emulator.ResidentKilobytes();
        output.WriteLine($"emulator RSS: {idle / 1024} MB idle, {loaded / 1024} MB after 200 widest reports at 50 concurrent");
        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.True(loaded < RssLimitKilobytes, $"emulator RSS {loaded / 1024} MB after the load");
        await AssertHealthyAsync(emulator, client, token);
    }
}
