using System.Net;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class CmuAuthorizationTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private EmulatorClient Client => fixture.Client;

    [Fact]
    public async Task MissingTokenIs401WithPlainTextReason()
    {
        using var response = await Client.ReportAsync("/tenant", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedTokenIs401()
    {
        var parts = fixture.Token.Split('.');

        using var response = await Client.ReportAsync("/tenant", $"{parts[0]}.{parts[1]}x.{parts[2]}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GarbageTokenIs401()
    {
        using var response = await Client.ReportAsync("/tenant", "not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenIs401()
    {
        var clock = new MutableClock(SharedEmulatorFixture.Now);
        var options = new EmulatorOptions { TimeProvider = clock, Throttle = { Enabled = false } };
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);
        var token = await client.AccessTokenAsync();
        using (var ok = await client.ReportAsync("/tenant", token))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        clock.Now = SharedEmulatorFixture.Now.AddSeconds(21600);
        using var response = await client.ReportAsync("/tenant", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFromAnotherEmulatorIs401()
    {
        await using var other = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var otherClient = new EmulatorClient(other);
        var foreign = await otherClient.AccessTokenAsync();

        using var response = await Client.ReportAsync("/tenant", foreign);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApplicationWithoutCmuAccessIs403()
    {
        var token = await Client.AccessTokenAsync("no-cmu");

        using var response = await Client.ReportAsync("/tenant", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AccessTokenQueryParameterIsAccepted()
    {
        using var response = await Client.ReportAsync("/tenant?access_token=" + fixture.Token, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(fixture.Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class MutableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
