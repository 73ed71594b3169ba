using CmuContracts.Emulator.Hosting;
using CmuContracts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;
using static CmuContracts.Tests.Pipeline.RedisTestSupport;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// UseRedis never loses credentials to Redis: what could not be written stays in memory and is written back, and a
/// Redis that comes back empty gets the last known credentials back instead of a new registration.
/// </summary>
public sealed class RedisCredentialLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RedisKilledRightAfterARegistrationLosesNeitherTheCallNorTheCredentials()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");

        // Between the 201 and the write to Redis: the worst moment. Short Redis timeouts keep the outage cheap.
        var kill = new AfterResponseHandler(redis.StopAsync);
        void Fleet(CmuRedisOptions o)
        {
            o.Configuration = redis.Configuration;
            o.LockLease = TimeSpan.FromSeconds(6);
        }

        await using var host = CmuTestHost.Create(emulator, Patient, b => { b.UseRedis(Fleet); b.RegistrationHttpClient.AddHttpMessageHandler(() => kill); }, statement);

        var report = await OneDayReportAsync(host);

        Assert.True(kill.Ran);
        Assert.NotEmpty(report.Report);
        Assert.Contains(host.Logs.Lines, l => l.Contains("could not be saved", StringComparison.Ordinal));
        var registered = (await host.CurrentCredentialsAsync())!.ClientId; // from memory: Redis is still down

        // Redis comes back empty: once the client has reconnected, it writes back what it could not write before.
        await redis.StartAgainAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await WaitUntilAsync(async () => await SharedClientIdAsync(connection, statement, emulator) == registered, "the credentials were never written back");

        // A fresh acquisition (the token is refused, say) uses them: no second registration.
        var token = await host.Tokens.GetAccessTokenAsync();
        await host.Tokens.RenewAccessTokenAsync(token);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(2, emulator.Stats.TokensIssued);

        // The rest of the fleet finds them there.
        await using var other = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(Fleet), statement);
        await OneDayReportAsync(other);
        Assert.Equal(1, emulator.Stats.Registrations);
        await host.AssertNoSecretsAsync();
    }

    [Theory]
    [InlineData("restart without persistence")]
    [InlineData("FLUSHALL")]
    public async Task CredentialsRedisLostAreWrittenBackInsteadOfRegisteringAgain(string loss)
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        await using var host = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(redis.Configuration), statement);
        await OneDayReportAsync(host);
        var registered = (await host.CurrentCredentialsAsync())!.ClientId;

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        if (loss == "FLUSHALL")
        {
            await connection.GetServer(connection.GetEndPoints()[0]).FlushAllDatabasesAsync();
            Assert.Null(await SharedClientIdAsync(connection, statement, emulator));
        }
        else
        {
            // Written back when the client reconnects (which may take it a few seconds), or by the acquisition below.
            await redis.RestartAsync();
            await WaitUntilAsync(() => Task.FromResult(connection.IsConnected), "the test's own connection did not come back");
        }

        // A fresh acquisition (the token is refused, say) needs the credentials: written back, not registered again.
        var token = await host.Tokens.GetAccessTokenAsync();
        await WaitUntilAsync(async () => (await Record.ExceptionAsync(() => host.Tokens.RenewAccessTokenAsync(token))) is null, "no acquisition succeeded after the loss");

        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.Contains(host.Logs.Lines, l => l.Contains("wrote back client id " + registered, StringComparison.Ordinal));
        Assert.Equal(registered, await SharedClientIdAsync(connection, statement, emulator));

        await using var cold = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(redis.Configuration), statement);
        await OneDayReportAsync(cold);
        Assert.Equal(1, emulator.Stats.Registrations);
        await host.AssertNoSecretsAsync();
    }
}
