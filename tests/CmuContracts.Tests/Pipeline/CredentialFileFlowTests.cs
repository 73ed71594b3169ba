using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Infrastructure;

namespace CmuContracts.Tests.Pipeline;

/// <summary>CmuClientOptions.CredentialStorePath through AddCmuClient, the emulator's counters as proof.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class CredentialFileFlowTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cmu-flow-").FullName;

    private string StorePath => Path.Combine(_directory, "credentials.json");

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CredentialsAndTokenPersistedToAFileAreReusedByAFreshServiceProvider()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");
        await using (var first = CmuTestHost.Create(emulator, o => o.CredentialStorePath = StorePath, statement: statement))
        {
            await first.Reports.GetTenantAsync();
        }

        await using var second = CmuTestHost.Create(emulator, o => o.CredentialStorePath = StorePath, statement: statement);
        var report = await second.Reports.GetTenantAsync();

        Assert.NotEmpty(report.Report);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued); // the token is kept beside the credentials and still good
        Assert.Equal(0, emulator.Stats.CountOf("POST /o/client/token", 400));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
        Assert.Equal(["credentials.json", "credentials.json.lock"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order()); // the lock that serialises processes
        await second.AssertNoSecretsAsync();
    }

    [Fact]
    public async Task ACorruptFileFailsTheCallWithAStoreExceptionNamingItAndSendsNothing()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await File.WriteAllTextAsync(StorePath, "{ \"version\": 1, \"credentials\": ");
        await using var host = CmuTestHost.Create(emulator, o => o.CredentialStorePath = StorePath);

        var ex = await Assert.ThrowsAsync<CredentialStoreException>(() => host.Reports.GetTenantAsync());

        Assert.Contains($"'{StorePath}' is corrupt", ex.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Stats.Requests);
        Assert.Equal("{ \"version\": 1, \"credentials\": ", await File.ReadAllTextAsync(StorePath));
    }

    [Fact]
    public async Task WithReplaceCorruptCredentialStoreACorruptFileIsKeptAsideAndOneFreshRegistrationIsSaved()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await File.WriteAllTextAsync(StorePath, "not json at all");
        await using var host = CmuTestHost.Create(emulator, o => { o.CredentialStorePath = StorePath; o.ReplaceCorruptCredentialStore = true; });

        await host.Reports.GetTenantAsync();

        Assert.Equal(1, emulator.Stats.Registrations);
        var aside = Assert.Single(Directory.GetFiles(_directory, "credentials.json.corrupt-*"));
        Assert.Equal("not json at all", await File.ReadAllTextAsync(aside));
        var saved = await new FileCredentialStore(StorePath).GetAsync(CredentialKey.For(SoftwareStatement.Parse(host.Statement).SoftwareId, emulator.RegistrationBaseAddress));
        Assert.NotNull(saved);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Registered software id", StringComparison.Ordinal) && l.Contains("client id " + saved.ClientId, StringComparison.Ordinal));
        await host.AssertNoSecretsAsync();
    }

    [Fact]
    public async Task InAReadOnlyDirectoryTheCallSucceedsTheErrorIsLoggedAndTheCredentialsAreNotLost()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        using var readOnly = ReadOnlyDirectory.Create();
        var path = Path.Combine(readOnly.Path, "credentials.json");
        await using var host = CmuTestHost.Create(emulator, o => o.CredentialStorePath = path);

        await host.Reports.GetTenantAsync();
        var token = await host.Tokens.GetAccessTokenAsync();
        await host.Tokens.RenewAccessTokenAsync(token); // needs the credentials again: from memory, not a new registration

        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("could not be saved", StringComparison.Ordinal) && l.Contains($"'{path}' cannot be written", StringComparison.Ordinal));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.Empty(Directory.GetFiles(readOnly.Path));
        await host.AssertNoSecretsAsync();
    }
}
