using System.Net;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>Token bucket per client IP on /o/client/* (own hosts: buckets are global state).</summary>
public sealed class ThrottlingTests
{
    private static EmulatorOptions Throttled(double perSecond, int burst) =>
        new() { Now = SharedEmulatorFixture.Now, Throttle = { Enabled = true, RequestsPerSecond = perSecond, Burst = burst } };

    private static async Task<HttpStatusCode> TokenStatusAsync(EmulatorClient client, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "o/client/token?grant_type=client_credentials&client_id=x&client_secret=y");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("429 Too Many Requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    [Fact]
    public void DefaultsAreOnePerSecondWithABurstOfTen()
    {
        var options = new EmulatorOptions();

        Assert.True(options.Throttle.Enabled);
        Assert.Equal(1, options.Throttle.RequestsPerSecond);
        Assert.Equal(10, options.Throttle.Burst);
    }

    [Fact]
    public async Task BurstPassesThenRequestsGet429()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Throttled(0.01, 10));
        using var client = new EmulatorClient(emulator);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await TokenStatusAsync(client));
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task BucketRefillsOverTime()
    {
        var clock = new ManualClock();
        var options = Throttled(1, 1);
        options.Now = null;
        options.TimeProvider = clock;
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        Assert.Equal(HttpStatusCode.BadRequest, await TokenStatusAsync(client));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenStatusAsync(client));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenStatusAsync(client));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.BadRequest, await TokenStatusAsync(client));
    }

    [Fact]
    public async Task BucketsArePerClientIpFromForwardedForOfAConfiguredProxy()
    {
        var options = Throttled(0.01, 1);
        options.ForwardedHeaders.KnownProxies = ["127.0.0.1"];
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        Assert.Equal(HttpStatusCode.BadRequest, await TokenStatusAsync(client, "10.0.0.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenStatusAsync(client, "10.0.0.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await TokenStatusAsync(client, "10.0.0.2"));
    }

    [Fact]
    public async Task ThrottlingAppliesBeforeRegistrationLogicAndNotToCmuOrEmulator()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Throttled(0.01, 1));
        using var client = new EmulatorClient(emulator);
        var statement = await client.StatementAsync();
        (await client.RegisterAsync(statement)).Dispose();

        using var register = await client.RegisterAsync(statement);
        using var cmu = await client.ReportAsync("/tenant", null);
        await client.StatementAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cmu.StatusCode);
        Assert.Equal(1, emulator.Stats.Registrations);
    }

    [Fact]
    public async Task DisabledThrottlingNeverAnswers429()
    {
        var options = Throttled(0.01, 1);
        options.Throttle.Enabled = false;
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await TokenStatusAsync(client));
        }
    }
}
