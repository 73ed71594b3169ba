using System.Diagnostics;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>The Redis fixture stops and starts again on the same port, on whichever server the run uses.</summary>
public sealed class RedisServerRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AStoppedServerDropsItsClientsAndStartsAgainEmptyOnTheSamePort()
    {
        await using var redis = await RedisServer.StartAsync(output);
        var port = redis.Port;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var database = connection.GetDatabase();
        Assert.True(await database.StringSetAsync("set-before-the-stop", "lost"));

        await redis.StopAsync();

        Assert.False(redis.IsRunning);
        Assert.False(await RedisPing.AnswersAsync(port), "a stopped server still answers");
        await WaitUntilAsync(() => !connection.IsConnected, "the client's connection outlived the server");

        await redis.StartAgainAsync();

        Assert.True(redis.IsRunning);
        Assert.Equal(port, redis.Port);
        Assert.True(await RedisPing.AnswersAsync(port), "the server started again does not answer on its port");

        // The client connected before the stop reconnects by itself (a command waits for that), to an empty server.
        var reconnecting = Stopwatch.StartNew();
        await database.PingAsync();
        output.WriteLine($"The client reconnected {reconnecting.ElapsedMilliseconds} ms after the start.");
        Assert.False(await database.KeyExistsAsync("set-before-the-stop"));

        // Once more in one call, as a test of a Redis outage would.
        Assert.True(await database.StringSetAsync("set-before-the-restart", "lost"));
        await redis.RestartAsync();
        Assert.False(await database.KeyExistsAsync("set-before-the-restart"));
        Assert.Equal(port, redis.Port);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), failure);
            await Task.Delay(20);
        }
    }
}
