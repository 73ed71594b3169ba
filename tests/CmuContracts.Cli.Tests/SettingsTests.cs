using System.Net;
using System.Net.Sockets;

namespace CmuContracts.Cli.Tests;

/// <summary>Settings file, then CMU_* variables, then flags; the credential file defaults to the user's profile.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task ASettingsFileConfiguresTheEndpoint()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var settings = WriteSettings(endpoint.Directory, endpoint.Emulator.RegistrationBaseAddress, endpoint.Emulator.CmuBaseAddress, endpoint.StatementFile());

        var run = await CliRun.RunAsync(["token", "--settings", settings]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, endpoint.Registrations);
    }

    [Fact]
    public async Task VariablesOverrideTheFileAndFlagsOverrideVariables()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var closed = ClosedPort();
        var statement = endpoint.StatementFile();
        var settings = WriteSettings(endpoint.Directory, closed, closed, statement);
        var variables = new Dictionary<string, string>
        {
            ["CMU_SETTINGS"] = settings,
            ["CMU_REGISTRATION_URL"] = endpoint.Emulator.RegistrationBaseAddress.ToString(),
            ["CMU_CMU_URL"] = endpoint.Emulator.CmuBaseAddress.ToString(),
            ["CMU_RESILIENCE__MAXRETRYATTEMPTS"] = "0",
        };

        var fromVariables = await CliRun.RunAsync(["token"], variables);
        var fromFlags = await CliRun.RunAsync(["token", "--registration-url", closed.ToString()], variables);

        Assert.True(fromVariables.ExitCode == 0, fromVariables.ToString());
        Assert.Equal(ExitCodes.Network, fromFlags.ExitCode);
    }

    [Fact]
    public async Task TheRedirectUriFlagIsSentOnRegistration()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var statement = endpoint.StatementFile();

        var refused = await CliRun.RunAsync(["register", "--redirect-uri", "com.example.unregistered:/callback", .. endpoint.Flags(statement)]);
        var plain = await CliRun.RunAsync(["register", .. endpoint.Flags(statement)]);

        // The emulator knows no such domain for the application: only a sent redirect_uri can be refused.
        Assert.Equal(ExitCodes.Auth, refused.ExitCode);
        Assert.Contains("invalid_redirect_uri", refused.Err, StringComparison.Ordinal);
        Assert.True(plain.ExitCode == 0, plain.ToString());
    }

    [Fact]
    public async Task TheCredentialFileDefaultsToTheUsersProfile()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var home = TempDirectory.Create();

        var run = await CliRun.RunAsync(["register", .. endpoint.Flags(endpoint.StatementFile())], home: home);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = Path.Combine(home, ".config", "cmu", "credentials.json");
        Assert.True(File.Exists(expected), run.ToString());
        Assert.Contains(expected, run.Out);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(expected));
        }
    }

    [Fact]
    public async Task TheEmbeddedEmulatorNeverWritesTheCredentialFile()
    {
        var home = TempDirectory.Create();
        var run = await CliRun.RunAsync(["register", "--emulator"], home: home);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("memory (this run only)", run.Out);
        Assert.False(Directory.Exists(Path.Combine(home, ".config", "cmu")));
    }

    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static string WriteSettings(string directory, Uri registration, Uri cmu, string statement)
    {
        var path = Path.Combine(directory, "settings.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["RegistrationBaseAddress"] = registration.ToString(),
            ["CmuBaseAddress"] = cmu.ToString(),
            ["SoftwareStatementPath"] = statement,
            ["CredentialStorePath"] = Path.Combine(directory, "credentials.json"),
        }));
        return path;
    }
}
