using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;

namespace CmuContracts.Cli.Tests;

/// <summary><c>cmu report --chart FILE.svg|png</c> end to end: a titled image with one series per dimension value, or a clear refusal.</summary>
public sealed class ChartImageTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // A finished week inside the emulator's retention whatever today is.
    private static readonly string Start = DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string End = DateTime.UtcNow.Date.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("active-users", true)]
    [InlineData("started-sessions", false)]
    public async Task TheSvgHasATitleAxesAndOneSeriesPerTenant(string metric, bool distinctCount)
    {
        var svg = Path.Combine(TempDirectory.Create(), "chart.svg");

        var run = await CliRun.RunAsync(["report", "--emulator", "-g", "day", "-d", "tenant", "--start", Start, "--end", End, "--metric", metric, "--chart", svg]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("chart written to " + svg, run.Err);
        var document = XDocument.Load(svg);
        var texts = document.Descendants(Svg + "text").Select(t => string.Join(' ', t.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains($"{metric} per day by tenant", texts);
        Assert.Contains($"CMU /tenant/year/month/day, from {Start} to {End} (end exclusive, UTC)", texts);
        Assert.Contains("day (UTC)", texts);
        Assert.Contains(texts, t => t.StartsWith(metric + " (", StringComparison.Ordinal) && t.EndsWith(" per day)", StringComparison.Ordinal));
        Assert.Equal(distinctCount, texts.Contains($"{metric} is a distinct count: the series do not add up to a total"));
        foreach (var tenant in new[] { "Acme", "Globex", "Initech" })
        {
            Assert.Single(texts, t => t == tenant); // One legend entry each.
        }

        // Series are drawn 2 px wide, each in its own colour (the line and its legend sample): three tenants, three colours.
        var seriesColours = document.Descendants(Svg + "path").Where(p => (string?)p.Attribute("stroke-width") == "2").Select(p => (string?)p.Attribute("stroke")).Distinct().ToList();
        Assert.Equal(3, seriesColours.Count);
    }

    [Fact]
    public async Task ThePngHasTheAskedPixelSize()
    {
        var png = Path.Combine(TempDirectory.Create(), "chart.png");

        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "-g", "month", "-d", "tenant", "--filter", "tenant=Acme", "--start", "2026-01", "--end", "2026-04",
            "--metric", "active-users", "--format", "json", "--chart", png, "--chart-size", "800x500"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(500, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Fact]
    public async Task CsvWithAChartWritesCmusCsvAndChartsTheSameRows()
    {
        var folder = TempDirectory.Create();
        var csv = Path.Combine(folder, "oct.csv");
        var svg = Path.Combine(folder, "oct.svg");
        string[] report = ["report", "--emulator", "-q", "-g", "month", "-d", "tenant", "--start", "2026-01", "--end", "2026-04", "--metric", "active-users", "--format", "csv"];

        var charted = await CliRun.RunAsync([.. report, "--output", csv, "--chart", svg]);
        var plain = await CliRun.RunAsync(report);

        Assert.True(charted.ExitCode == 0, charted.ToString());
        Assert.Equal(plain.Out, await File.ReadAllTextAsync(csv)); // The same bytes as the streamed CSV (the emulator's data is deterministic).
        var texts = XDocument.Load(svg).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("active-users per month by tenant", texts);
        Assert.Equal(["Acme", "Globex", "Initech"], texts.Where(t => t is "Acme" or "Globex" or "Initech"));
    }

    [Fact]
    public async Task MoreThanEightSeriesAreRefusedWithAFilterHintAndNothingIsWritten()
    {
        var folder = TempDirectory.Create();
        var png = Path.Combine(folder, "chart.png");
        var output = Path.Combine(folder, "report.json");

        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "-g", "day", "-d", "tenant", "-d", "mvpd", "--start", Start, "--end", End,
            "--metric", "active-users", "--format", "json", "--output", output, "--chart", png]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cmu: error: --chart chart.png: not drawn: 15 tenant and mvpd values would make 15 series (at most 8 stay readable)", line);
        Assert.Contains("--filter tenant=Acme", line);
        Assert.Contains("active-users is a distinct count", line);
        Assert.False(File.Exists(png));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task AWindowWithoutRowsGetsAChartThatSaysSoWithoutAScale()
    {
        var svg = Path.Combine(TempDirectory.Create(), "empty.svg");

        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "-g", "month", "-d", "tenant", "--start", "900d", "--end", "870d", "--metric", "active-users", "--chart", svg]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var texts = XDocument.Load(svg).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("CMU sent no rows for this report and window", texts);
        Assert.DoesNotContain(texts, t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)); // No tick labels.
    }
}
