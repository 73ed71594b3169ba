using System.Net;
using System.Net.Sockets;

namespace CmuContracts.Cli.Tests;

/// <summary><c>cmu register</c> and <c>cmu token</c> against an endpoint the test owns; auth and network failures.</summary>
public sealed class AccessCommandTests
{
    [Fact]
    public async Task RegisterStoresCredentialsOnceAndForceRegistersAgain()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var credentials = Path.Combine(endpoint.Directory, "credentials.json");
        var flags = endpoint.Flags(endpoint.StatementFile(), credentials);

        var first = await CliRun.RunAsync(["register", .. flags]);
        var second = await CliRun.RunAsync(["register", .. flags]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Registered: client id ", first.Out);
        Assert.Contains("Already registered: client id ", second.Out);
        Assert.Equal(1, endpoint.Registrations);

        // The secret is in the file, not on the screen unless asked for.
        var file = await File.ReadAllTextAsync(credentials);
        Assert.Contains("client_secret", file, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("client_secret", first.Out);

        var forced = await CliRun.RunAsync(["register", "--force", "--show-secret", .. flags]);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2, endpoint.Registrations);
        var secret = forced.Out.Split('\n').Single(l => l.StartsWith("client_secret: ", StringComparison.Ordinal))["client_secret: ".Length..].Trim();
        Assert.Contains(secret, await File.ReadAllTextAsync(credentials));
    }

    [Fact]
    public async Task TokenShowsTheExpiryAndTheTokenOnlyWithShowSecret()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var flags = endpoint.Flags(endpoint.StatementFile(), Path.Combine(endpoint.Directory, "credentials.json"));

        var hidden = await CliRun.RunAsync(["token", .. flags]);
        var shown = await CliRun.RunAsync(["token", "--show-secret", .. flags]);

        Assert.True(hidden.ExitCode == 0, hidden.ToString());
        Assert.Matches(@"^Access token expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in 5h 59m, lifetime 6h 0m\)\. Use --show-secret to print it\.", hidden.Out);
        Assert.DoesNotContain("eyJ", hidden.Out + hidden.Err);
        Assert.Equal(0, shown.ExitCode);
        var token = shown.Out.Trim();
        Assert.Equal(3, token.Split('.').Length);
        Assert.StartsWith("eyJ", token);
        Assert.Contains("access token expires", shown.Err);
        Assert.Equal(1, endpoint.Registrations); // The second run reused the stored credentials.
    }

    [Fact]
    public async Task ReportAgainstAConfiguredEndpointDoesNotStartTheEmbeddedEmulator()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var run = await CliRun.RunAsync(["report", "--dimension", "tenant", .. endpoint.Flags(endpoint.StatementFile())]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("emulator", run.Err);
        Assert.Equal(1, endpoint.Emulator.Stats.CountOf("GET /cmu/v2/tenant", 200));
    }

    [Fact]
    public async Task AClientWithoutCmuAccessExitsThree()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var run = await CliRun.RunAsync(["report", "--dimension", "tenant", .. endpoint.Flags(endpoint.StatementFile("no-cmu"))]);

        Assert.Equal(ExitCodes.Auth, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("HTTP 403", line);
    }

    [Fact]
    public async Task ARevokedStatementExitsThreeAtRegistration()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var statement = endpoint.StatementFile();
        using (var http = new HttpClient())
        {
            (await http.PostAsync(new Uri(endpoint.Emulator.BaseAddress, "emulator/software-statements/demo/revoke"), null)).EnsureSuccessStatusCode();
        }

        var run = await CliRun.RunAsync(["token", .. endpoint.Flags(statement)]);

        Assert.Equal(ExitCodes.Auth, run.ExitCode);
        Assert.Contains("unapproved_software_statement", run.Err);
    }

    [Fact]
    public async Task AMalformedStatementExitsThreeWithoutAnyRequest()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var statement = Path.Combine(endpoint.Directory, "broken.jwt");
        await File.WriteAllTextAsync(statement, "not-a-jwt");

        var run = await CliRun.RunAsync(["token", .. endpoint.Flags(statement)]);

        Assert.Equal(ExitCodes.Auth, run.ExitCode);
        Assert.Contains("is not a JWT", run.Err);
        Assert.Empty(endpoint.Emulator.Stats.Requests);
    }

    [Fact]
    public async Task AClosedLoopbackPortExitsFive()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var statement = Path.Combine(TempDirectory.Create(), "demo.jwt");
        await using (var endpoint = await TestEndpoint.StartAsync())
        {
            await File.WriteAllTextAsync(statement, endpoint.Emulator.IssueSoftwareStatement());
        }

        var run = await CliRun.RunAsync(
            ["report", "--dimension", "tenant", "--registration-url", $"http://127.0.0.1:{port}/o/", "--cmu-url", $"http://127.0.0.1:{port}/cmu/v2/", "--statement", statement],
            new Dictionary<string, string> { ["CMU_RESILIENCE__MAXRETRYATTEMPTS"] = "0" });

        Assert.Equal(ExitCodes.Network, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cmu: error: cannot reach the server: ", line);
    }
}
