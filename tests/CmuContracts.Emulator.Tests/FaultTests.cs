using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class FaultTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    [Theory]
    [InlineData("408", HttpStatusCode.RequestTimeout)]
    [InlineData("500", HttpStatusCode.InternalServerError)]
    [InlineData("503", HttpStatusCode.ServiceUnavailable)]
    public async Task StatusFaultsAnswerWithThatStatus(string fault, HttpStatusCode expected)
    {
        using var response = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: fault);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task TooManyRequestsFaultAnswersWithTheThrottlePage()
    {
        var (id, secret) = await fixture.Client.RegisterClientAsync();

        using var response = await fixture.Client.TokenAsync(id, secret, fault: "429");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openresty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("503,retry-after=2", HttpStatusCode.ServiceUnavailable)]
    [InlineData("retry-after=7,429", HttpStatusCode.TooManyRequests)]
    public async Task RetryAfterIsAddedToAStatusFaultOnlyWhenAskedFor(string fault, HttpStatusCode expected)
    {
        using var asked = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: fault);
        using var plain = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, asked.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(fault.Contains("=2", StringComparison.Ordinal) ? 2 : 7), asked.Headers.RetryAfter?.Delta);
        Assert.Null(plain.Headers.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterAloneHandlesTheRequestNormally()
    {
        using var response = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: "retry-after=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task AMalformedRetryAfterIsABadRequest()
    {
        using var response = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: "503,retry-after=soon");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("retry-after=soon", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelayFaultDelaysThenAnswersNormally()
    {
        var started = DateTime.UtcNow;

        using var response = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: "delay=300");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task DropFaultAbortsTheConnection()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.Client.ReportAsync("/tenant", fixture.Token, fault: "drop"));
    }

    [Fact]
    public async Task CutFaultSendsASuccessThenLosesTheConnectionMidBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "cmu/v2/tenant/year/month/day");
        request.Headers.Authorization = new("Bearer", fixture.Token);
        request.Headers.Add("X-Emulator-Fault", "cut");
        using var response = await fixture.Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task GarbleFaultSendsASuccessWhoseBodyIsNoLongerJson()
    {
        using var response = await fixture.Client.ReportAsync("/tenant/year/month/day", fixture.Token, fault: "garble");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"_links\"", body, StringComparison.Ordinal);
        Assert.Contains("###", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task ExpireTokenFaultGives401()
    {
        using var response = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: "expire-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeClientFaultMakesTokenCallsInvalidClient()
    {
        var (id, secret) = await fixture.Client.RegisterClientAsync();

        using var first = await fixture.Client.TokenAsync(id, secret, fault: "revoke-client");
        using var second = await fixture.Client.TokenAsync(id, secret);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("invalid_client", doc.RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task RevokeClientFaultOnCmuForgetsTheTokenOwner()
    {
        var token = await fixture.Client.AccessTokenAsync();

        using var revoked = await fixture.Client.ReportAsync("/tenant", token, fault: "revoke-client");
        using var after = await fixture.Client.ReportAsync("/tenant", token);

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task UnknownFaultIs400()
    {
        using var response = await fixture.Client.ReportAsync("/tenant", fixture.Token, fault: "explode");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EmulatorEndpointsAreNeverFaulted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "emulator/stats");
        request.Headers.Add("X-Emulator-Fault", "500");

        using var response = await fixture.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredRatesInjectFaultsDeterministically()
    {
        async Task<int[]> RunAsync()
        {
            var options = SharedEmulatorFixture.Options();
            options.Faults.ServiceUnavailable = 0.5;
            options.Faults.Seed = 3;
            await using var emulator = await AdobePassEmulator.StartAsync(options);
            using var client = new EmulatorClient(emulator);
            var statuses = new int[20];
            for (var i = 0; i < statuses.Length; i++)
            {
                using var response = await client.ReportAsync("/tenant", null);
                statuses[i] = (int)response.StatusCode;
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(503, first);
        Assert.Contains(401, first);
    }
}
