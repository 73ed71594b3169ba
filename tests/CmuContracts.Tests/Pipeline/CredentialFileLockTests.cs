using System.Diagnostics;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Processes sharing one credential file take turns through an operating-system lock on the file's <c>.lock</c>
/// sibling: started cold together, they make one registration and one token request; a lock held too long is a clear,
/// bounded failure before anything is sent.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class CredentialFileLockTests(ITestOutputHelper output) : IDisposable
{
    private const int Workers = 4;
    private const int CallsEach = 10;
    private readonly string _directory = Directory.CreateTempSubdirectory("cmu-file-lock-").FullName;

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task FourProcessesStartingColdOnOneCredentialFileMakeOneRegistrationAndOneTokenRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statementFile = Path.Combine(_directory, "statement.jwt");
        await File.WriteAllTextAsync(statementFile, emulator.IssueSoftwareStatement("demo"));
        var folder = Path.Combine(_directory, "cmu");
        var workers = new List<FleetWorkerProcess>();
        try
        {
            for (var i = 0; i < Workers; i++)
            {
                workers.Add(FleetWorkerProcess.Start(emulator.RegistrationBaseAddress, emulator.CmuBaseAddress, statementFile, redisConfiguration: null, CallsEach, folder));
            }

            // Every process is set up and none has called anything: then all are let go at once.
            await Task.WhenAll(workers.Select(w => w.WaitReadyAsync()));
            Assert.Empty(emulator.Stats.Requests);
            workers.ForEach(w => w.Go());
            var exits = await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(TimeSpan.FromMinutes(3))));

            for (var i = 0; i < Workers; i++)
            {
                output.WriteLine($"worker {i}: exit {exits[i]}\n{workers[i].Errors}");
                Assert.True(exits[i] == 0, $"worker {i} exited with {exits[i]}: {workers[i].Errors}");
                Assert.Equal(["reports " + CallsEach], workers[i].Output);
            }

            Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/register"));
            Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/token"));
            Assert.Equal(1, emulator.Stats.Registrations);
            Assert.Equal(1, emulator.Stats.TokensIssued);
            Assert.Equal(Workers * CallsEach, emulator.Stats.CountOf("GET /cmu/v2/tenant/year/month/day", 200));
            Assert.Single(workers, w => w.Errors.Contains("Registered software id", StringComparison.Ordinal));

            // The lock file stays beside the credentials, empty and private; the credentials hold no trace of it.
            var lockFile = Path.Combine(folder, CmuUserFolder.CredentialsFileName + ".lock");
            Assert.Equal(0, new FileInfo(lockFile).Length);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(lockFile));
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ALockHeldElsewhereBoundsTheWaitFailsClearlyAndSendsNothing()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var path = Path.Combine(_directory, "credentials.json");
        var lockPath = path + ".lock";

        // Another process in its acquisition (FileShare.None is flock on Unix: it excludes this process's own opens too).
        var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var host = CmuTestHost.Create(emulator, o =>
        {
            o.CredentialStorePath = path;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(3);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(3); // the lock's wait is twice this
        });

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<AccessLockTimeoutException>(() => DayReport.GetAsync(host.Reports));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(40));
        Assert.IsAssignableFrom<CmuException>(ex);
        Assert.Contains($"'{lockPath}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TotalTimeout", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Remedy);
        Assert.Empty(emulator.Stats.Requests);

        // Once the other holder lets go, the same client goes ahead.
        await held.DisposeAsync();
        await DayReport.GetAsync(host.Reports);
        Assert.Equal(1, emulator.Stats.Registrations);
        await host.AssertNoSecretsAsync(ex.ToString());
    }
}
