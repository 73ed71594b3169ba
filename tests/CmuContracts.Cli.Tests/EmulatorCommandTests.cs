using System.Text.RegularExpressions;
using CmuContracts.Cli;

namespace CmuContracts.Cli.Tests;

/// <summary><c>cmu emulator</c> runs in the foreground, serves on 127.0.0.1 and stops cleanly when cancelled.</summary>
public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task ServesTheDemoStatementUntilCancelled()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), new Dictionary<string, string> { ["HOME"] = TempDirectory.Create() });
        var run = CmuApp.RunAsync(["emulator", "--port", "0"], console, stop.Token);

        Match listening = Match.Empty;
        for (var i = 0; i < 200 && !(listening = Regex.Match(output.ToString(), @"Listening on (http://127\.0\.0\.1:\d+)")).Success; i++)
        {
            Assert.False(run.IsCompleted, error.ToString());
            await Task.Delay(50);
        }

        Assert.True(listening.Success, output + error.ToString());
        using var http = new HttpClient();
        var statement = await http.GetStringAsync(new Uri(listening.Groups[1].Value + "/emulator/software-statements/demo"));
        Assert.Equal(3, statement.Split('.').Length);

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("emulator stopped", error.ToString());
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(listening.Groups[1].Value + "/emulator/stats")));
    }
}
