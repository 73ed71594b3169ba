using System.Net;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;
using CmuContracts.Emulator.Throttling;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Emulator.Tests;

/// <summary>X-Forwarded-For is believed from configured proxies only; idle throttle buckets are evicted.</summary>
public sealed class ForwardedHeadersTests
{
    private static EmulatorOptions Throttled(double perSecond = 0.01, int burst = 1) =>
        new() { Now = SharedEmulatorFixture.Now, Throttle = { Enabled = true, RequestsPerSecond = perSecond, Burst = burst } };

    private static async Task<HttpStatusCode> TokenStatusAsync(EmulatorClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "o/client/token?grant_type=client_credentials&client_id=x&client_secret=y");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task ByDefaultRotatingForwardedForDoesNotGetRoundTheThrottle()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Throttled());
        using var client = new EmulatorClient(emulator);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            statuses.Add(await TokenStatusAsync(client, $"10.0.0.{i}"));
        }

        Assert.Equal([HttpStatusCode.BadRequest, .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4)], statuses);
        Assert.Equal(1, emulator.Services.GetRequiredService<TokenBucketThrottle>().BucketCount);
    }

    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData(null, "127.0.0.0/8", true)]
    [InlineData("10.9.9.9", null, false)]
    [InlineData(null, "192.168.0.0/16", false)]
    public async Task ForwardedForIsBelievedOnlyFromAConfiguredProxy(string? proxy, string? network, bool believed)
    {
        var options = Throttled();
        options.ForwardedHeaders.KnownProxies = proxy is null ? [] : [proxy];
        options.ForwardedHeaders.KnownNetworks = network is null ? [] : [network];
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        var first = await TokenStatusAsync(client, "203.0.113.1");
        var other = await TokenStatusAsync(client, "203.0.113.2");

        Assert.Equal(HttpStatusCode.BadRequest, first);
        Assert.Equal(believed ? HttpStatusCode.BadRequest : HttpStatusCode.TooManyRequests, other);
    }

    [Fact]
    public async Task OnlyTheEntryTheTrustedProxyAddedCounts()
    {
        var options = Throttled();
        options.ForwardedHeaders.KnownProxies = ["127.0.0.1"];
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        // A client-forged first entry changes nothing: the proxy's own (last) entry is the client.
        var first = await TokenStatusAsync(client, "198.51.100.1, 203.0.113.7");
        var forged = await TokenStatusAsync(client, "198.51.100.2, 203.0.113.7");

        Assert.Equal(HttpStatusCode.BadRequest, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, forged);
    }

    [Fact]
    public async Task IdleBucketsAreEvicted()
    {
        var clock = new ManualClock();
        var options = Throttled(perSecond: 1, burst: 2);
        options.Now = null;
        options.TimeProvider = clock;
        options.ForwardedHeaders.KnownProxies = ["127.0.0.1"];
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);
        var throttle = emulator.Services.GetRequiredService<TokenBucketThrottle>();

        for (var i = 1; i <= 50; i++)
        {
            await TokenStatusAsync(client, $"10.0.1.{i}");
        }

        var held = throttle.BucketCount;
        clock.Advance(TimeSpan.FromSeconds(1)); // half the 2 s refill: nobody is idle enough yet
        await TokenStatusAsync(client, "10.0.2.1");
        var afterOneSecond = throttle.BucketCount;
        clock.Advance(TimeSpan.FromSeconds(1));
        var status = await TokenStatusAsync(client, "10.0.2.2");

        Assert.Equal(50, held);
        Assert.Equal(51, afterOneSecond);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2, throttle.BucketCount); // 10.0.2.1 was used 1 s ago and is kept; the 50 are gone
    }

    [Fact]
    public void ProxySettingsAreValidated()
    {
        var options = new EmulatorOptions { ForwardedHeaders = { KnownProxies = ["not-an-ip"], KnownNetworks = ["10.0.0.0/99", "10.0.0.0/8"] } };

        var errors = EmulatorOptionsValidator.Validate(options);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("not-an-ip", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("10.0.0.0/99", StringComparison.Ordinal));
    }
}
