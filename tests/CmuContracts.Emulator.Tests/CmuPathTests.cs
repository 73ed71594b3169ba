using System.Net;
using CmuContracts.Emulator.Reports;
using CmuContracts.Emulator.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace CmuContracts.Emulator.Tests;

public sealed class CmuPathTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    /// <summary>The UsageReports paths of the real spec, read independently of the emulator.</summary>
    private static List<string> SpecPaths()
    {
        using var stream = typeof(ReportTree).Assembly.GetManifestResourceStream("adobe-pass.openapi.yaml")!;
        var yaml = new YamlStream();
        yaml.Load(new StreamReader(stream));
        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["paths"];
        return [.. paths.Children
            .Where(p => ((YamlMappingNode)p.Value).Children.TryGetValue(new YamlScalarNode("get"), out var get)
                && ((YamlMappingNode)get).Children.TryGetValue(new YamlScalarNode("tags"), out var tags)
                && ((YamlSequenceNode)tags).Children.Any(t => ((YamlScalarNode)t).Value == "UsageReports"))
            .Select(p => ((YamlScalarNode)p.Key).Value!)];
    }

    [Fact]
    public void TreeHoldsExactlyTheSpecUsageReportsPathsAndTheServerOnlyOnes()
    {
        var expected = SpecPaths().Concat(ReportTree.ServerOnlyPaths).ToList();

        var tree = ReportTree.FromEmbeddedSpec();

        Assert.True(expected.Count > 50);
        Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), tree.Nodes.Select(n => n.Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.DoesNotContain(tree.Nodes, n => n.Path.StartsWith("/client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EverySpecPathAnswers200()
    {
        foreach (var path in SpecPaths())
        {
            var query = path.Contains("minute", StringComparison.Ordinal) ? "?start=2025-06-15T10&end=2025-06-15T11&limit=5" : "?limit=5";
            using var doc = await fixture.Client.ReportJsonAsync((path == "/" ? "" : path) + query, fixture.Token);
            Assert.True(doc.RootElement.TryGetProperty("report", out _), path);
        }
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/tenant/mvpd")]
    [InlineData("/tenant/year/month/day/hour/minute/second")]
    [InlineData("/client/register")]
    [InlineData("/tenant.yaml")]
    public async Task PathOutsideTheTreeIs404(string path)
    {
        using var response = await fixture.Client.ReportAsync(path, fixture.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethodOnAValidPathIs405(string method)
    {
        using var response = await fixture.Client.ReportAsync("/tenant/year", fixture.Token, method: new HttpMethod(method));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task RootAnswersWithAndWithoutTrailingSlash()
    {
        using var bare = await fixture.Client.ReportJsonAsync("", fixture.Token);
        using var slash = await fixture.Client.ReportJsonAsync("/", fixture.Token);

        Assert.Single(ReportDoc.Records(bare));
        Assert.Equal(bare.RootElement.GetProperty("report").GetRawText(), slash.RootElement.GetProperty("report").GetRawText());
    }
}
