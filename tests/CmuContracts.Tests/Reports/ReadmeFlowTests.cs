using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Reports;

/// <summary>Console.Out is process-wide: the README flow's test runs alone.</summary>
[CollectionDefinition(nameof(ConsoleOutputTests), DisableParallelization = true)]
public sealed class ConsoleOutputTests;

/// <summary>The README's five lines, run as they are against the emulator.</summary>
[Collection(nameof(ConsoleOutputTests))]
public sealed class ReadmeFlowTests
{
    private const string Begin = "// README flow: begin";
    private const string End = "// README flow: end";

    [Fact]
    public async Task TheREADMELinesTurnASoftwareStatementIntoACMUReport()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cmu:SoftwareStatement"] = emulator.IssueSoftwareStatement("demo"),
            ["Cmu:RegistrationBaseAddress"] = emulator.RegistrationBaseAddress.ToString(),
            ["Cmu:CmuBaseAddress"] = emulator.CmuBaseAddress.ToString(),
        }).Build();
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
#pragma warning disable IDE0011 // The README's lines, verbatim: a one-line foreach reads best there.
            // README flow: begin
            var services = new ServiceCollection().AddCmuClient(configuration.GetSection("Cmu")).Services;
            await using var provider = services.BuildServiceProvider();
            var reports = provider.GetRequiredService<IUsageReports>();
            var query = UsageReportQuery.For("tenant", "year", "month", "day").Between(DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow).WhereNot("platform", "Roku");
            await foreach (var r in reports.GetRecordsAsync(query)) Console.WriteLine($"{r.GetDimension("tenant")} {r.PeriodStart:yyyy-MM-dd}: {r.GetMetric(ReportMetric.ActiveUsers)} active users");
            // README flow: end
#pragma warning restore IDE0011
        }
        finally
        {
            Console.SetOut(console);
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 3 * 7, 3 * 8); // 3 tenants x the 7-day window's days (8 when it starts mid-day)
        Assert.All(lines, l => Assert.Matches(@"^(Acme|Globex|Initech) \d{4}-\d{2}-\d{2}: \d+ active users$", l));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        // The emulator counts a request once its answer is sent, which the client may have read a moment before.
        for (var wait = 0; wait < 100 && emulator.Stats.CountOf("GET /cmu/v2/tenant/year/month/day", 200) == 0; wait++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, emulator.Stats.CountOf("GET /cmu/v2/tenant/year/month/day", 200));
    }

    [Fact]
    public void TheREADMEShowsExactlyTheLinesTheTestRuns()
    {
        var test = Lines(File.ReadAllText(ThisFile()), Begin, End);
        var readme = Lines(File.ReadAllText(FindReadme()), "## From a software statement to a CMU report", "```", skipFence: true);

        Assert.True(test.Length <= 5, $"{test.Length} lines of user code");
        Assert.Equal(test, readme);
    }

    private static string[] Lines(string text, string begin, string end, bool skipFence = false)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var from = lines.FindIndex(l => l == begin) + (skipFence ? 3 : 1); // the heading, a blank line, the ```csharp fence
        Assert.True(from > 0, $"'{begin}' not found");
        if (skipFence)
        {
            Assert.Equal("```csharp", lines[from - 1]);
        }

        var to = lines.FindIndex(from, l => l == end);
        return [.. lines.Skip(from).Take(to - from)];
    }

    // Not [CallerFilePath]: CI builds map source paths to /_/ (ContinuousIntegrationBuild).
    private static string ThisFile() =>
        Path.Combine(Path.GetDirectoryName(FindReadme())!, "tests", "CmuContracts.Tests", "Reports", "ReadmeFlowTests.cs");

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "CmuContracts.sln")))
            {
                return Path.Combine(dir.FullName, "README.md");
            }
        }

        throw new FileNotFoundException("README.md above the test output directory");
    }
}
