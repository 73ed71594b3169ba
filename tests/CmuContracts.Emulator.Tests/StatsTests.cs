using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>Counters (own host per test: counts are global state).</summary>
public sealed class StatsTests
{
    [Fact]
    public async Task StatsCountRegistrationsTokensAndRequestsByEndpointAndStatus()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);
        var (id, secret) = await client.RegisterClientAsync();
        (await client.TokenAsync(id, secret)).Dispose();
        (await client.TokenAsync(id, secret)).Dispose();
        (await client.TokenAsync(id, "wrong")).Dispose();
        (await client.ReportAsync("/tenant", null)).Dispose();

        using var doc = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("emulator/stats", UriKind.Relative)));
        var root = doc.RootElement;
        var requests = root.GetProperty("requests").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("endpoint").GetString(), r.GetProperty("status").GetInt32()), r => r.GetProperty("count").GetInt64());

        Assert.Equal(1, root.GetProperty("registrations").GetInt64());
        Assert.Equal(2, root.GetProperty("tokensIssued").GetInt64());
        Assert.Equal(1, requests[("POST /o/client/register", 201)]);
        Assert.Equal(2, requests[("POST /o/client/token", 201)]);
        Assert.Equal(1, requests[("POST /o/client/token", 400)]);
        Assert.Equal(1, requests[("GET /cmu/v2/tenant", 401)]);
        Assert.DoesNotContain(requests.Keys, k => k.Item1!.Contains("/emulator", StringComparison.Ordinal));
        Assert.Equal(2, emulator.Stats.CountOf("POST /o/client/token", 201));
    }

    [Fact]
    public async Task DroppedRequestsAreCountedWithStatusZero()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.ReportAsync("/tenant", null, fault: "drop"));

        await WaitUntilAsync(() => emulator.Stats.CountOf("GET /cmu/v2/tenant", 0) == 1);
        Assert.Equal(1, emulator.Stats.CountOf("GET /cmu/v2/tenant", 0));
    }

    [Fact]
    public async Task DropsOnAConnectionThatAlreadyServedRequestsAreCountedWithStatusZero()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);
        const int Drops = 20;
        for (var i = 0; i < Drops; i++)
        {
            // A served request first, so the drop comes on a kept-alive connection.
            using (var served = await client.Http.GetAsync(new Uri("cmu/v2/tenant", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, served.StatusCode);
            }

            await Assert.ThrowsAsync<HttpRequestException>(() => client.ReportAsync("/tenant", null, fault: "drop"));
        }

        await WaitUntilAsync(() => emulator.Stats.CountOf("GET /cmu/v2/tenant", 0) + emulator.Stats.CountOf("GET /cmu/v2/tenant", 401) >= 2 * Drops);
        Assert.Equal(Drops, emulator.Stats.CountOf("GET /cmu/v2/tenant", 0));
        Assert.Equal(Drops, emulator.Stats.CountOf("GET /cmu/v2/tenant", 401));
        Assert.Equal(0, emulator.Stats.CountOf("GET /cmu/v2/tenant", 200));
    }

    [Fact]
    public async Task ResetZeroesEveryCounter()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);
        await client.AccessTokenAsync();

        using var reset = await client.Http.PostAsync(new Uri("emulator/stats/reset", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var stats = emulator.Stats;
        Assert.Equal(0, stats.Registrations);
        Assert.Equal(0, stats.TokensIssued);
        Assert.Empty(stats.Requests);
    }

    [Fact]
    public async Task UnknownPathsMethodsAndCmuPathsShareBoundedKeys()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);
        (await client.ReportAsync("/tenant", null)).Dispose();
        var before = await client.Http.GetStringAsync(new Uri("emulator/stats", UriKind.Relative));

        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var path = (i % 4) switch
            {
                0 => $"nowhere/{i}",
                1 => $"cmu/v2/tenant/no-such-dimension-{i}",
                2 => $"o/client/other-{i}",
                _ => $"cmu/v2/tenant.{i}",
            };
            using var request = new HttpRequestMessage(i % 8 == 0 ? new HttpMethod($"M{i}") : HttpMethod.Get, path);
            (await client.Http.SendAsync(request, ct)).Dispose();
        });

        var after = await client.Http.GetStringAsync(new Uri("emulator/stats", UriKind.Relative));
        var requests = emulator.Stats.Requests;
        Assert.Equal(2000, requests.Where(r => r.Endpoint.EndsWith(" (unknown path)", StringComparison.Ordinal)).Sum(r => r.Count));
        Assert.Equal(["GET (unknown path)", "GET /cmu/v2/tenant", "OTHER (unknown path)"], requests.Select(r => r.Endpoint).Distinct().Order(StringComparer.Ordinal));
        Assert.True(after.Length < before.Length + 400, $"stats grew from {before.Length} to {after.Length} characters");
    }

    [Fact]
    public async Task CmuPathsAreCountedByTheirTreePathWithExtension()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);

        (await client.ReportAsync("/tenant/year.csv", null)).Dispose();
        (await client.ReportAsync("", null)).Dispose();
        (await client.ReportAsync("/Tenant", null)).Dispose();

        Assert.Equal(1, emulator.Stats.CountOf("GET /cmu/v2/tenant/year.csv", 401));
        Assert.Equal(1, emulator.Stats.CountOf("GET /cmu/v2", 401));
        Assert.Equal(1, emulator.Stats.CountOf("GET (unknown path)", 401));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }
}
