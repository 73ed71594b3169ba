using System.Diagnostics;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;
using static CmuContracts.Tests.Pipeline.RedisTestSupport;

namespace CmuContracts.Tests.Pipeline;

/// <summary>Lease-timed tests run alone: other tests' load in this process could stall a lease extension.</summary>
[CollectionDefinition(nameof(RedisAccessLockTests), DisableParallelization = true)]
public sealed class RedisLeaseTimingDefinition;

/// <summary>The cross-process lock of UseRedis against a real Redis-protocol server, another instance played by hand.</summary>
[Collection(nameof(RedisAccessLockTests))]
public sealed class RedisAccessLockTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ALockHeldByAnotherInstanceBoundsTheWaitSendsNothingAndIsLeftToItsHolder()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var database = connection.GetDatabase();
        var lockKey = LockKey(statement, emulator);
        Assert.True(await database.LockTakeAsync(lockKey, "another-instance", TimeSpan.FromMinutes(1)));
        await using var host = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(o => { o.Configuration = redis.Configuration; o.LockWait = TimeSpan.FromSeconds(1); }), statement);

        var waited = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<AccessLockTimeoutException>(() => OneDayReportAsync(host));

        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Contains("CmuRedisOptions.LockWait", ex.Message, StringComparison.Ordinal);
        Assert.Equal(KeyOf(statement, emulator), ex.Resource);
        Assert.Empty(emulator.Stats.Requests);
        Assert.Equal("another-instance", (string?)await database.StringGetAsync(lockKey));

        // Once its holder lets go, the same client goes ahead, and releases the lock after its work.
        Assert.True(await database.LockReleaseAsync(lockKey, "another-instance"));
        await OneDayReportAsync(host);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.False(await database.KeyExistsAsync(lockKey));
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task ALockWhoseHolderDiedLapsesWithItsLease()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await using var host = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(redis.Configuration), statement);

        // Timed from before the take, so a stall of this test cannot make the lease look shorter.
        var lease = TimeSpan.FromMilliseconds(1500);
        var waited = Stopwatch.StartNew();
        Assert.True(await connection.GetDatabase().LockTakeAsync(LockKey(statement, emulator), "dead-instance", lease));
        await OneDayReportAsync(host);

        Assert.True(waited.Elapsed >= lease - TimeSpan.FromMilliseconds(50), $"went ahead after {waited.Elapsed}, within the dead holder's lease");
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task AHolderWhoseRegistrationOutlastsTheLeaseKeepsTheLockSoTheOtherInstanceReusesItsWork()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var lockKey = LockKey(statement, emulator);

        // The registration takes 7 s against a 3 s lease: only the holder's extensions keep the other one out.
        var slow = new FaultOnSendHandler("delay=7000", _ => true);
        void Lease(CmuRedisOptions o)
        {
            o.Configuration = redis.Configuration;
            o.LockLease = TimeSpan.FromSeconds(3);
        }

        await using var holder = CmuTestHost.Create(emulator, Patient, b => { b.UseRedis(Lease); b.RegistrationHttpClient.AddHttpMessageHandler(() => slow); }, statement);
        await using var waiter = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(Lease), statement);

        var first = OneDayReportAsync(holder);
        var deadline = Stopwatch.StartNew();
        while (!await connection.GetDatabase().KeyExistsAsync(lockKey))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the holder never took the lock");
            await Task.Delay(10);
        }

        var second = OneDayReportAsync(waiter);
        await Task.WhenAll(first, second);

        Assert.Equal(1, slow.Sends);
        Assert.DoesNotContain(holder.Logs.Lines, l => l.Contains("was lost", StringComparison.Ordinal));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        Assert.Equal(2, emulator.Stats.CountOf(OneDayPath, 200));
        Assert.Contains(waiter.Logs.Lines, l => l.Contains("shared access token", StringComparison.Ordinal));
    }
}
