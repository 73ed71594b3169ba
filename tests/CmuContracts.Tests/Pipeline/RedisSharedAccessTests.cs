using CmuContracts.Emulator.Hosting;
using CmuContracts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Xunit.Abstractions;
using static CmuContracts.Tests.Pipeline.RedisTestSupport;

namespace CmuContracts.Tests.Pipeline;

/// <summary>UseRedis against a real Redis-protocol server: the distributed credential store and the shared token.</summary>
public sealed class RedisSharedAccessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CredentialsAndTokenInRedisServeAFreshProviderWithoutRegisteringOrATokenRequest()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");

        await using (var first = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(redis.Configuration), statement))
        {
            await OneDayReportAsync(first);
            await first.AssertNoSecretsAsync();
        }

        await using var second = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(redis.Configuration), statement);
        var report = await OneDayReportAsync(second);

        Assert.NotEmpty(report.Report);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        Assert.Equal(2, emulator.Stats.CountOf(OneDayPath, 200));
        Assert.Contains(second.Logs.Lines, l => l.Contains("shared access token", StringComparison.Ordinal));
        await second.AssertNoSecretsAsync();
    }

    [Fact]
    public async Task CredentialsInRedisOutliveTheSharedTokenSoAFreshProviderOnlyRequestsAToken()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        await using (var first = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(redis.Configuration), statement))
        {
            await OneDayReportAsync(first);
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var tokenKey = TokenKey(statement, emulator);
        Assert.True(await connection.GetDatabase().KeyDeleteAsync(tokenKey), "the shared token was not under " + tokenKey);

        await using var second = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(redis.Configuration), statement);
        await OneDayReportAsync(second);

        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.True(await connection.GetDatabase().KeyExistsAsync(tokenKey), "the new token is shared again");
    }

    [Fact]
    public async Task RedisOptionsAreValidatedWithTheSettingNamedAndNoPasswordShown()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator, build: b => b.UseRedis(o =>
        {
            o.Configuration = "127.0.0.1:1,password=hunter2-secret,nosuchoption=1";
            o.LockLease = TimeSpan.FromMilliseconds(10);
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<CmuRedisOptions>>().Value);

        Assert.Contains("CmuRedisOptions.Configuration is not a valid StackExchange.Redis configuration string", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CmuRedisOptions.LockLease", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", new CmuRedisOptions { Configuration = "127.0.0.1:1,password=hunter2-secret" }.ToString(), StringComparison.Ordinal);
    }
}
