using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CmuContracts.Emulator.Tests.Infrastructure;
using CmuContracts.Tests.Conformance;

namespace CmuContracts.Emulator.Tests.Conformance;

/// <summary>
/// The emulator's answers to Adobe's documented requests have the shape of Adobe's documented answers
/// (<see cref="AdobeCmuExamples"/>): same members, same link forms, same value types, same file name pattern. Values
/// differ (the emulator's data is synthetic, and 2012 is outside its retention window).
/// </summary>
public sealed partial class AdobeExamplesEmulatorTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private const string Base = "/cmu/v2";

    [Fact]
    public async Task JsonForAdobesYearMonthRequestHasTheShapeOfAdobesAnswer()
    {
        using var adobe = JsonDocument.Parse(AdobeCmuExamples.YearMonthJson);
        using var ours = await fixture.Client.ReportJsonAsync(AdobeCmuExamples.YearMonthJsonRequest[Base.Length..], fixture.Token);
        var adobeLinks = adobe.RootElement.GetProperty("_links");
        var ourLinks = ours.RootElement.GetProperty("_links");

        Assert.Equal(Names(adobe.RootElement), Names(ours.RootElement));
        Assert.Equal(Names(adobeLinks), Names(ourLinks));
        Assert.Matches(SelfLink(), adobeLinks.GetProperty("self").GetProperty("href").GetString()!);
        Assert.Matches(SelfLink(), ourLinks.GetProperty("self").GetProperty("href").GetString()!);
        Assert.Equal(adobeLinks.GetProperty("roll-up").GetProperty("href").GetString(), ourLinks.GetProperty("roll-up").GetProperty("href").GetString());
        Assert.Contains(
            adobeLinks.GetProperty("drill-down").GetProperty("href").GetString(),
            ourLinks.GetProperty("drill-down").EnumerateArray().Select(l => l.GetProperty("href").GetString()));
        var record = ReportDoc.Records(ours)[0];
        var adobeRecord = adobe.RootElement.GetProperty("report")[0];
        Assert.Superset(Names(adobeRecord).Where(n => n != "clients").ToHashSet(), Names(record).ToHashSet());
        Assert.All(record.EnumerateObject().Concat(adobeRecord.EnumerateObject()), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
    }

    [Fact]
    public async Task XmlForAdobesYearMonthRequestHasTheShapeOfAdobesAnswer()
    {
        // Adobe's page prints the href's '&' unescaped, which is not well-formed XML; a real answer escapes it (&amp;).
        var adobe = XDocument.Parse(AdobeCmuExamples.YearMonthXml.Replace("&", "&amp;", StringComparison.Ordinal)).Root!;
        using var response = await fixture.Client.ReportAsync("/year/month.xml", fixture.Token);
        var ours = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Shape(adobe), Shape(ours));
        Assert.Matches(SelfLink(), (string)adobe.Attribute("href")!);
        Assert.Matches(SelfLink(), (string)ours.Attribute("href")!);
        var ourLinks = ours.Element("links")!.Elements("link").Select(l => ((string?)l.Attribute("rel"), (string?)l.Attribute("href"))).ToArray();
        Assert.All(adobe.Element("links")!.Elements("link"), l => Assert.Contains(((string?)l.Attribute("rel"), (string?)l.Attribute("href")), ourLinks));
        Assert.All(ours.Element("links")!.Elements("link"), l => Assert.Equal(["rel", "href"], l.Attributes().Select(a => a.Name.LocalName)));
        Assert.All(ours.Element("report")!.Elements("record"), r => Assert.Equal(["year", "month"], r.Attributes().Take(2).Select(a => a.Name.LocalName)));
    }

    [Fact]
    public async Task CsvForAdobesYearMonthRequestIsNamedByAdobesPatternAndHeadedLikeAdobesFile()
    {
        using var response = await fixture.Client.ReportAsync("/year/month.csv?start=2025-04-01&end=2025-06-01", fixture.Token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var header = body.Split("\r\n")[0].Split(',');
        var fileName = response.Content.Headers.ContentDisposition?.FileName;
        Assert.NotNull(fileName);
        var pattern = FileNamePattern();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(pattern, AdobeCmuExamples.YearMonthCsvFileName);
        Assert.Matches(pattern, fileName);
        Assert.Equal("report__2025-04-01_2025-06-01_1000.csv", fileName);
        var adobeHeader = AdobeCmuExamples.YearMonthCsv.Split("\r\n")[0].Split(',');
        Assert.Equal(adobeHeader[..2], header[..2], StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(AdobeCmuExamples.ExtensionBeforeQuery, null, "text/csv")]
    [InlineData(AdobeCmuExamples.XmlExtension, null, "application/xml")]
    [InlineData("/cmu/v2/tenant/year/month/day", AdobeCmuExamples.AcceptXml, "application/xml")]
    [InlineData("/cmu/v2/tenant/year/month/day?format=json", AdobeCmuExamples.AcceptXml, "application/json")]
    public async Task AdobesContentNegotiationExamplesGetTheirFormat(string requestLine, string? accept, string mediaType)
    {
        using var response = await fixture.Client.ReportAsync(requestLine[Base.Length..], fixture.Token, accept);

        Assert.Equal((HttpStatusCode.OK, mediaType), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task AdobesReservedParameterExamplesAreHonoured()
    {
        // The table's examples, on a path where each applies; someDimension/someOtherDimension stand for mvpd/channel.
        var examples = AdobeCmuExamples.ReservedParameterExamples;
        var query = string.Join('&', examples.Where(e => !e.StartsWith("end=", StringComparison.Ordinal) && !e.StartsWith("metrics=", StringComparison.Ordinal)))
            .Replace("someDimension=someValue", "mvpd=someValue", StringComparison.Ordinal).Replace("someOtherDimension", "channel", StringComparison.Ordinal);
        using var doc = await fixture.Client.ReportJsonAsync("/tenant/year/month/day?" + query + "&end=2012-07-30", fixture.Token);
        using var metrics = await fixture.Client.ReportJsonAsync(
            "/tenant/year/month/day?" + examples.Single(e => e.StartsWith("metrics=", StringComparison.Ordinal)).Replace("m1", "active-users", StringComparison.Ordinal).Replace("m2", "killed-sessions", StringComparison.Ordinal),
            fixture.Token);

        var self = ReportDoc.Self(doc);
        Assert.Contains("mvpd=someValue&channel&start=2012-07-15T00:00:00&end=2012-07-30T00:00:00&limit=1500", self, StringComparison.Ordinal);
        Assert.EndsWith("&format=json", self, StringComparison.Ordinal);
        Assert.All(ReportDoc.Records(metrics), r => Assert.Equal(["tenant", "year", "month", "day", "active-users", "killed-sessions"], r.EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task AdobesFilterExamplesSelectWhatTheirSqlSays(int example)
    {
        // dimension1..3 = tenant, channel, platform under /year/month/day; value1 = a tenant the data has.
        using var all = await fixture.Client.ReportJsonAsync("/year/month/day/tenant/channel/platform?start=2025-05-01&end=2025-05-02", fixture.Token);
        var rows = ReportDoc.Records(all);
        var value1 = rows[0].GetProperty("tenant").GetString()!;
        // value2 is a second tenant where the example lists two values of dimension1, else a channel (dimension2).
        var value2 = example == 1
            ? rows.Select(r => r.GetProperty("tenant").GetString()!).First(t => t != value1)
            : rows[0].GetProperty("channel").GetString()!;
        var line = AdobeCmuExamples.FilterExamples[example]
            .Replace("/dimension1/dimension2/dimension3", "/year/month/day/tenant/channel/platform", StringComparison.Ordinal)
            .Replace("/dimension1?", "/year/month/day/tenant?", StringComparison.Ordinal)
            .Replace("dimension1", "tenant", StringComparison.Ordinal).Replace("dimension2", "channel", StringComparison.Ordinal).Replace("dimension3", "platform", StringComparison.Ordinal)
            .Replace("value1", value1, StringComparison.Ordinal).Replace("value2", value2, StringComparison.Ordinal);

        using var doc = await fixture.Client.ReportJsonAsync(line + "&start=2025-05-01&end=2025-05-02", fixture.Token);
        var records = ReportDoc.Records(doc);

        Assert.NotEmpty(records);
        Func<JsonElement, bool> expected = example switch
        {
            0 => r => r.GetProperty("tenant").GetString() == value1,
            1 => r => r.GetProperty("tenant").GetString() is var t && (t == value1 || t == value2),
            2 => r => r.GetProperty("tenant").GetString() != value1,
            3 => r => r.GetProperty("tenant").GetString() != value1 && r.GetProperty("channel").GetString() != value2,
            _ => r => r.TryGetProperty("platform", out _) && !r.TryGetProperty("channel", out _),
        };
        Assert.All(records, r => Assert.True(expected(r), line + ": " + r));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>Element names and attribute names of the resource, links and first record, without values.</summary>
    private static string Shape(XElement resource) =>
        $"{resource.Name}[{string.Join(',', resource.Attributes().Select(a => a.Name))}]"
        + $"/{string.Join(',', resource.Elements().Select(e => e.Name))}"
        + $"/{resource.Element("links")!.Elements().First().Name}/{resource.Element("report")!.Elements().First().Name}";

    [GeneratedRegex(@"^/cmu/v2/year/month\?start=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d&end=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(&|$)")]
    private static partial Regex SelfLink();

    [GeneratedRegex(@"^report__\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d_(.+_)?\d+\.csv$")]
    private static partial Regex FileNamePattern();
}
