using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;
using static CmuContracts.Tests.Pipeline.RedisTestSupport;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Redis down or silent under UseRedis: a valid token keeps serving; without one, the call fails within the library's
/// own bound (a third of the lock's lease here: 1 s per command) as a <see cref="CmuRedisException"/>, never
/// StackExchange.Redis's timeouts or its advice, never the configuration string.
/// </summary>
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private const string Password = "hunter2-redis-secret";

    /// <summary>Connect, then one command, each bounded by 1 s; the rest is a loaded machine's slack.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task RedisDownInATokensLastMinuteLeavesTheTokenServingAndTheCredentialsAreNotRegisteredAgain()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(o => { o.Configuration = redis.Configuration; o.LockLease = TimeSpan.FromSeconds(3); }), statement, clock);
        var first = await host.Tokens.GetAccessTokenAsync();

        clock.Advance(first.Lifetime - TimeSpan.FromSeconds(30)); // due for renewal, valid for 30 s more
        await redis.StopAsync();
        var report = await OneDayReportAsync(host);

        Assert.NotEmpty(report.Report);
        Assert.Same(first, await host.Tokens.GetAccessTokenAsync());
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("keeps serving", StringComparison.Ordinal) && l.Contains(nameof(CmuRedisException), StringComparison.Ordinal));
        Assert.Equal(1, emulator.Stats.TokensIssued);

        // Redis is back, empty: once the client reconnects the credentials are written back, and the renewal uses them.
        await redis.StartAgainAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await WaitUntilAsync(async () => await SharedClientIdAsync(connection, statement, emulator) is not null, "the credentials were never written back");
        clock.Advance(TimeSpan.FromSeconds(10)); // past the next attempt, still before expiry
        var renewed = await host.Tokens.GetAccessTokenAsync();

        Assert.NotSame(first, renewed);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(2, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task AStoppedRedisFailsTheCallWithinTheBoundAsACmuRedisExceptionNamingUseRedisButNoPassword()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await redis.StopAsync();
        await AssertBoundedFailureAsync(redis.Configuration + ",password=" + Password);
    }

    [Fact]
    public async Task ARedisThatAcceptsButNeverAnswersFailsTheCallWithinTheBoundAsACmuRedisException()
    {
        // A socket that accepts connections and never says a word: a hung Redis, or a firewall that swallows traffic.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 16);
        var accepted = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                accepted.Add(await silent.AcceptSocketAsync(stop.Token));
            }
        });
        try
        {
            await AssertBoundedFailureAsync($"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port},password={Password}");
        }
        finally
        {
            await stop.CancelAsync();
            await Record.ExceptionAsync(() => accepting);
            accepted.ForEach(s => s.Dispose());
        }
    }

    private static async Task AssertBoundedFailureAsync(string configuration)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator, Patient, b => b.UseRedis(o => { o.Configuration = configuration; o.LockLease = TimeSpan.FromSeconds(3); }));

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<CmuRedisException>(() => OneDayReportAsync(host));
        var took = watch.Elapsed;

        Assert.True(took < Bound, $"took {took}");
        Assert.Equal(TimeSpan.FromSeconds(1), ex.Timeout);
        Assert.IsAssignableFrom<CmuException>(ex);
        Assert.Contains("UseRedis", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Remedy);
        Assert.DoesNotContain("abortConnect", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(configuration, ex.ToString(), StringComparison.Ordinal);
        Assert.All(host.Logs.Lines, l => Assert.DoesNotContain(Password, l, StringComparison.Ordinal));
        Assert.Empty(emulator.Stats.Requests);

        // The next call is bounded the same way: nothing piles up behind a dead connection.
        watch.Restart();
        await Assert.ThrowsAsync<CmuRedisException>(() => OneDayReportAsync(host));
        Assert.True(watch.Elapsed < Bound, $"the second call took {watch.Elapsed}");
    }
}
