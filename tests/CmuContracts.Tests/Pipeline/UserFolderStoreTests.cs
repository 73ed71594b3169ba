using System.Text.Json;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Adobe: register once, store the credentials, reuse them, and request a token only when the last one expired. The
/// default store does that across processes (the file in the user's cmu folder); the emulator's counters are the proof.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class UserFolderStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cmu-user-folder-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ThreeProcessesInARowMakeOneRegistrationAndOneTokenRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = StatementFile(emulator);
        var folder = Path.Combine(_directory, "cmu"); // not there yet: the first process creates it

        var runs = new List<StoreWorkerRun>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await StoreWorkerRun.RunAsync(emulator.RegistrationBaseAddress, emulator.CmuBaseAddress, statement, folder));
        }

        Assert.All(runs, r => Assert.True(r.ExitCode == 0 && r.Output.StartsWith("records ", StringComparison.Ordinal) && r.Output.Trim() != "records 0", r.ToString()));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/register"));
        Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/token"));
        Assert.Equal(3, emulator.Stats.CountOf(DayReport.Endpoint, 200));

        var file = Path.Combine(folder, CmuUserFolder.CredentialsFileName);
        Assert.Equal([CmuUserFolder.CredentialsFileName, CmuUserFolder.CredentialsFileName + ".lock"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        using var content = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var credentials = Assert.Single(content.RootElement.GetProperty("credentials").EnumerateObject());
        var token = Assert.Single(content.RootElement.GetProperty("tokens").EnumerateObject());
        Assert.Equal(credentials.Name, token.Name);
        Assert.Equal(credentials.Value.GetProperty("client_id").GetString(), token.Value.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task AnUnwritableUserFolderIsAWarningAndEachProcessStillGetsItsReport()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = StatementFile(emulator);
        using var readOnly = ReadOnlyDirectory.Create();

        var first = await StoreWorkerRun.RunAsync(emulator.RegistrationBaseAddress, emulator.CmuBaseAddress, statement, readOnly.Path);
        var second = await StoreWorkerRun.RunAsync(emulator.RegistrationBaseAddress, emulator.CmuBaseAddress, statement, readOnly.Path);

        foreach (var run in new[] { first, second })
        {
            Assert.True(run.ExitCode == 0 && run.Output.StartsWith("records ", StringComparison.Ordinal), run.ToString());
            Assert.Contains($"warn: CmuContracts.Auth.ICredentialStore[12] The cmu folder {readOnly.Path} cannot be written", run.Errors, StringComparison.Ordinal);
        }

        // Kept in memory only, so each process registered: the price the warning announces.
        Assert.Equal(2, emulator.Stats.Registrations);
        Assert.Empty(Directory.GetFileSystemEntries(readOnly.Path));
    }

    [Fact]
    public async Task AStoredTokenIsReusedUntilItIsDueThenRenewedWithTheStoredCredentials()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        var path = Path.Combine(_directory, CmuUserFolder.CredentialsFileName);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        AccessToken first;
        await using (var host = CmuTestHost.Create(emulator, o => o.CredentialStorePath = path, statement: statement, timeProvider: clock))
        {
            await DayReport.GetAsync(host.Reports);
            first = await host.Tokens.GetAccessTokenAsync();
        }

        clock.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(61)); // 61 s before expiry: not yet due
        await using (var host = CmuTestHost.Create(emulator, o => o.CredentialStorePath = path, statement: statement, timeProvider: clock))
        {
            await DayReport.GetAsync(host.Reports);
            Assert.Equal(first.Value, (await host.Tokens.GetAccessTokenAsync()).Value);
        }

        Assert.Equal(1, emulator.Stats.TokensIssued);
        clock.Advance(TimeSpan.FromSeconds(2)); // inside the 60 s refresh buffer
        await using (var host = CmuTestHost.Create(emulator, o => o.CredentialStorePath = path, statement: statement, timeProvider: clock))
        {
            await DayReport.GetAsync(host.Reports);
            Assert.Equal(clock.GetUtcNow(), (await host.Tokens.GetAccessTokenAsync()).IssuedAt);
            await host.AssertNoSecretsAsync();
        }

        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.Equal(0, emulator.Stats.CountOf(DayReport.Endpoint, 401));
    }

    [Fact]
    public async Task UseInMemoryCredentialStoreKeepsNothingOnDiskAndSharesNothing()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        var userFiles = Directory.GetFileSystemEntries(IsolatedUserFolder.Path);

        foreach (var _ in new[] { 1, 2 })
        {
            await using var host = CmuTestHost.Create(emulator, build: b => b.UseInMemoryCredentialStore(), statement: statement);
            await DayReport.GetAsync(host.Reports);
            Assert.Equal(CredentialStorage.Memory, host.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value.CredentialStorage);
            Assert.Empty(Directory.GetFileSystemEntries(host.Directory));
        }

        Assert.Equal(2, emulator.Stats.Registrations);
        Assert.Equal(userFiles, Directory.GetFileSystemEntries(IsolatedUserFolder.Path));
    }

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    private string StatementFile(AdobePassEmulator emulator)
    {
        var path = Path.Combine(_directory, "statement.jwt");
        File.WriteAllText(path, emulator.IssueSoftwareStatement("demo"));
        return path;
    }
}
