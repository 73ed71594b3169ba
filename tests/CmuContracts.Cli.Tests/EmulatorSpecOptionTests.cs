using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CmuContracts.Tests.SpecEdits;

namespace CmuContracts.Cli.Tests;

/// <summary><c>cmu emulator --spec</c> serves an edited copy of the spec, so a spec edit can be tried with the tool alone.</summary>
public sealed class EmulatorSpecOptionTests
{
    private const string NewPath = "/tenant/year/month/platform";

    [Fact]
    public async Task AnEditedSpecCopyIsServedWithItsNewPathAndMetric()
    {
        var copy = Path.Combine(TempDirectory.Create(), "edited.openapi.yaml");
        var spec = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "spec", "adobe-pass.openapi.yaml"));
        spec = SpecText.CopyPath(SpecText.AddMetric(spec, "paused-sessions"), "/tenant/year/month/mvpd", NewPath, "getTenantYearMonthPlatform");
        await File.WriteAllTextAsync(copy, spec);

        await using var emulator = await RunningEmulator.StartAsync(["emulator", "--port", "0", "--spec", copy]);
        using var http = new HttpClient();
        var statement = await http.GetStringAsync(new Uri(emulator.Url + "/emulator/software-statements/demo"));
        var token = await emulator.TokenAsync(http, statement);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{emulator.Url}/cmu/v2{NewPath}?start=2026-11-01T00:00:00Z&end=2026-11-30T00:00:00Z&metrics=paused-sessions");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"platform\"", body, StringComparison.Ordinal);
        Assert.Contains("\"paused-sessions\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingSpecFileIsAnOptionsErrorNamingIt()
    {
        var missing = Path.Combine(TempDirectory.Create(), "nowhere.yaml");
        var error = new StringWriter();
        var console = new CliConsole(new StringWriter(), error, new Dictionary<string, string> { ["HOME"] = TempDirectory.Create() });

        var exit = await CmuApp.RunAsync(["emulator", "--port", "0", "--spec", missing], console, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exit);
        Assert.Contains("nowhere.yaml", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot() =>
        typeof(EmulatorSpecOptionTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary><c>cmu emulator</c> run in the background until disposed.</summary>
    private sealed class RunningEmulator : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task<int> _run;

        private RunningEmulator(string url, CancellationTokenSource stop, Task<int> run) => (Url, _stop, _run) = (url, stop, run);

        public string Url { get; }

        public static async Task<RunningEmulator> StartAsync(string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var stop = new CancellationTokenSource();
            var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), new Dictionary<string, string> { ["HOME"] = TempDirectory.Create() });
            var run = CmuApp.RunAsync(args, console, stop.Token);
            Match listening = Match.Empty;
            for (var i = 0; i < 400 && !(listening = Regex.Match(output.ToString(), @"Listening on (http://127\.0\.0\.1:\d+)")).Success; i++)
            {
                Assert.False(run.IsCompleted, error.ToString());
                await Task.Delay(50);
            }

            Assert.True(listening.Success, output + error.ToString());
            return new RunningEmulator(listening.Groups[1].Value, stop, run);
        }

        /// <summary>Registers the statement and gets a client-credentials token, as Adobe's flow does.</summary>
        public async Task<string> TokenAsync(HttpClient http, string statement)
        {
            using var registration = await http.PostAsync(new Uri(Url + "/o/client/register"), JsonContent.Create(new Dictionary<string, string> { ["software_statement"] = statement }));
            var client = await registration.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = client!["client_id"].GetString()!,
                ["client_secret"] = client["client_secret"].GetString()!,
            });
            using var token = await http.PostAsync(new Uri(Url + "/o/client/token"), form);
            var answer = await token.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
            return answer!["access_token"].GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
            _stop.Dispose();
        }
    }
}
