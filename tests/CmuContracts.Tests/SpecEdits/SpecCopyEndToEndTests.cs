using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Trimming;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CmuContracts.Tests.SpecEdits;

/// <summary>
/// "A spec edit that adds a CMU path or metric needs no hand edit anywhere else": a copy of the library's sources whose
/// spec alone gains a report path and a metric is built, and an app on it asks <c>IUsageReports</c> for the new path
/// with the new metric from the emulator serving the same spec copy.
/// </summary>
public sealed class SpecCopyEndToEndTests(ITestOutputHelper output)
{
    private const string NewPath = "/tenant/year/month/platform";
    private const string NewMetric = "paused-sessions";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The only edits: the spec copy gains a path (a sibling's item under a new key) and a metric.</summary>
    private static string Edit(string spec) =>
        SpecText.AddMetric(SpecText.CopyPath(spec, "/tenant/year/month/mvpd", NewPath, "getTenantYearMonthPlatform"), NewMetric);

    [Fact]
    [Trait("Category", "SpecCopy")]
    public async Task APathAndAMetricAddedToACopyOfTheSpecReachIUsageReportsAndTheEmulatorWithNoOtherEdit()
    {
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("cmu-spec-copy-");
        try
        {
            var root = Path.Combine(work.FullName, "repo");
            LibrarySourceCopy.CopyTo(PublishedClientApp.RepositoryRoot(), root);
            var spec = Path.Combine(root, LibrarySourceCopy.SpecPath);
            await File.WriteAllTextAsync(spec, Edit(await File.ReadAllTextAsync(spec)));

            // Inside the copy, so that its global.json applies; its own empty Directory.Build files keep it out of the
            // copy's analyzer settings.
            var app = Path.Combine(root, "app");
            SpecCopyApp.WriteTo(app, Path.Combine(root, LibrarySourceCopy.LibraryProject));
            var build = await ProcessRun.RunAsync(
                "dotnet",
                ["build", SpecCopyApp.Name + ".csproj", "-c", "Debug", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:minimal"],
                app,
                new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" },
                BuildTimeout);
            output.WriteLine($"copy and build: {clock.Elapsed.TotalSeconds:F0} s");
            Assert.True(build.ExitCode == 0, "The spec copy's build failed:\n" + build.Tail());

            await using var emulator = await AdobePassEmulator.StartAsync(
                new EmulatorOptions { SpecPath = spec, Throttle = { Enabled = false }, ConfigureLogging = l => l.ClearProviders() });
            var end = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
            var start = end.AddMonths(-1);
            var run = await ProcessRun.RunAsync(
                "dotnet",
                [Path.Combine(app, "bin", "Debug", "net10.0", SpecCopyApp.Name + ".dll"), emulator.RegistrationBaseAddress.ToString(),
                    emulator.CmuBaseAddress.ToString(), NewPath, NewMetric, Iso(start), Iso(end)],
                app,
                new Dictionary<string, string> { [SpecCopyApp.StatementVariable] = emulator.IssueSoftwareStatement("demo") },
                RunTimeout);
            output.WriteLine($"copy, build and run: {clock.Elapsed.TotalSeconds:F0} s");
            Assert.True(run.ExitCode == 0, "The app failed:\n" + run.Tail());

            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.True(lines.Length > 2, "The app printed no records:\n" + run.Tail());
            Assert.True(lines[0].GetProperty("isInSpec").GetBoolean(), "The generated index of the copy lacks " + NewPath);
            Assert.True(lines[1].GetProperty("knownMetric").GetBoolean(), "The copy's ReportMetric.KnownValues lacks " + NewMetric);
            var viaLibrary = lines.Skip(2).ToDictionary(Key, l => l.GetProperty("value").GetInt64());
            var direct = await DirectAsync(emulator, $"{NewPath}?start={Iso(start)}&end={Iso(end)}&metrics={NewMetric}");
            Assert.Equal(12, direct.Count); // 3 tenants x 4 platforms, one month
            Assert.All(direct.Values, v => Assert.True(v > 0));
            Assert.Equal(direct.OrderBy(p => p.Key, StringComparer.Ordinal), viaLibrary.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
        finally
        {
            output.WriteLine($"total: {clock.Elapsed.TotalSeconds:F0} s");
            work.Delete(recursive: true);
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Key(JsonElement line)
    {
        var dimensions = line.GetProperty("dimensions");
        return dimensions.GetProperty("tenant").GetString() + "|" + dimensions.GetProperty("platform").GetString();
    }

    /// <summary>The emulator's answer for a path, fetched with plain HTTP (register, token, GET): tenant|platform → value.</summary>
    private static async Task<Dictionary<string, long>> DirectAsync(AdobePassEmulator emulator, string pathAndQuery)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var registered = await http.PostAsJsonAsync("o/client/register", new Dictionary<string, string> { ["software_statement"] = emulator.IssueSoftwareStatement("demo") });
        using var registration = JsonDocument.Parse(await registered.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = registration.RootElement.GetProperty("client_id").GetString()!,
            ["client_secret"] = registration.RootElement.GetProperty("client_secret").GetString()!,
        });
        using var issued = await http.PostAsync(new Uri("o/client/token", UriKind.Relative), form);
        using var token = JsonDocument.Parse(await issued.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "cmu/v2" + pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        using var response = await http.SendAsync(request);
        using var report = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return report.RootElement.GetProperty("report").EnumerateArray().ToDictionary(
            r => r.GetProperty("tenant").GetString() + "|" + r.GetProperty("platform").GetString(),
            r => long.Parse(r.GetProperty(NewMetric).GetString()!, CultureInfo.InvariantCulture));
    }
}
