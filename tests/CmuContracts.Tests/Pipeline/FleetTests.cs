using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace CmuContracts.Tests.Pipeline;

/// <summary>A fleet on one registration: separate OS processes sharing one Redis and one emulator.</summary>
public sealed class FleetTests(ITestOutputHelper output)
{
    private const int Workers = 4;
    private const int CallsEach = 25;

    [Fact]
    public async Task FourProcessesStartedTogetherColdMakeOneRegistrationAndOneTokenRequestInTotal()
    {
        await using var redis = await RedisServer.StartAsync(output);
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        var statementFile = Path.Combine(Directory.CreateTempSubdirectory("cmu-fleet-").FullName, "software-statement.jwt");
        var statement = emulator.IssueSoftwareStatement("demo");
        await File.WriteAllTextAsync(statementFile, statement + "\n");
        var workers = new List<FleetWorkerProcess>();
        try
        {
            for (var i = 0; i < Workers; i++)
            {
                workers.Add(FleetWorkerProcess.Start(emulator.RegistrationBaseAddress, emulator.CmuBaseAddress, statementFile, redis.Configuration, CallsEach));
            }

            // Every process is set up and none has called anything: then all are let go at once.
            await Task.WhenAll(workers.Select(w => w.WaitReadyAsync()));
            Assert.Empty(emulator.Stats.Requests);
            workers.ForEach(w => w.Go());
            var exits = await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(TimeSpan.FromMinutes(3))));

            for (var i = 0; i < Workers; i++)
            {
                Assert.True(exits[i] == 0, $"worker {i} exited with {exits[i]} (Redis: {redis}): {workers[i].Errors}");
                Assert.Equal(["reports " + CallsEach], workers[i].Output);
            }

            Assert.Equal(1, emulator.Stats.Registrations);
            Assert.Equal(1, emulator.Stats.TokensIssued);
            Assert.Equal(Workers * CallsEach, emulator.Stats.CountOf("GET /cmu/v2/tenant/year/month/day", 200));

            // What the fleet shares in Redis never reached any worker's log.
            var secrets = new List<string> { statement.Split('.')[1] };
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
            secrets.Add(await SharedValueAsync(connection, RedisTestSupport.KeyOf(statement, emulator), "credentials", "client_secret"));
            secrets.Add(await SharedValueAsync(connection, RedisTestSupport.KeyOf(statement, emulator), "token", "access_token"));
            Assert.Single(workers, w => w.Errors.Contains("Registered software id", StringComparison.Ordinal)); // the logs are there to scan
            foreach (var worker in workers)
            {
                Assert.All(secrets, secret => Assert.DoesNotContain(secret, worker.Errors, StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }

            Directory.Delete(Path.GetDirectoryName(statementFile)!, recursive: true);
        }
    }

    /// <summary>A field of an entry the client keeps in Redis (RedisCache stores it in a hash's "data" field).</summary>
    private static async Task<string> SharedValueAsync(ConnectionMultiplexer connection, string key, string kind, string property)
    {
        var data = await connection.GetDatabase().HashGetAsync("CmuContracts:" + kind + ":" + key, "data");
        Assert.True(data.HasValue, $"no shared {kind} in Redis");
        using var json = JsonDocument.Parse((byte[])data!);
        return json.RootElement.GetProperty(property).GetString()!;
    }
}
