using System.Net;
using System.Xml.Linq;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>
/// XML is Adobe's documented HAL XML (cmu-api.md, "XML" and the <c>/cmu/v2/year/month.xml</c> example): the self link
/// is the resource's href, links are <c>&lt;link rel href/&gt;</c>, each record's fields are attributes. HTML is a table.
/// </summary>
public sealed class XmlAndHtmlTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private const string Query = "/tenant/year/month/day?start=2025-05-01&end=2025-05-03&metrics=active-users,started-sessions";

    [Fact]
    public async Task XmlCarriesTheSameLinksAndRecordsAsJsonInAdobesShape()
    {
        using var response = await fixture.Client.ReportAsync(Query.Replace("/day?", "/day.xml?", StringComparison.Ordinal), fixture.Token);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        using var json = await fixture.Client.ReportJsonAsync(Query, fixture.Token);
        var links = json.RootElement.GetProperty("_links");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resource = xml.Root!;
        Assert.Equal("resource", resource.Name.LocalName);
        Assert.Equal(links.GetProperty("self").GetProperty("href").GetString(), (string?)resource.Attribute("href"));
        var xmlLinks = resource.Element("links")!.Elements("link").Select(l => ((string?)l.Attribute("rel"), (string?)l.Attribute("href"))).ToArray();
        Assert.Equal(("roll-up", links.GetProperty("roll-up").GetProperty("href").GetString()), xmlLinks[0]);
        Assert.Equal(
            links.GetProperty("drill-down").EnumerateArray().Select(l => ("drill-down", l.GetProperty("href").GetString())),
            xmlLinks.Skip(1).Select(l => (l.Item1!, l.Item2)));
        var records = resource.Element("report")!.Elements("record").ToArray();
        var jsonRecords = ReportDoc.Records(json);
        Assert.Equal(6, records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(
                jsonRecords[i].EnumerateObject().Select(p => (p.Name, p.Value.GetString())),
                records[i].Attributes().Select(a => (a.Name.LocalName, (string?)a.Value)));
        }
    }

    [Fact]
    public async Task HtmlIsATableWithTheCsvHeaderAndOneRowPerRecord()
    {
        using var response = await fixture.Client.ReportAsync(Query.Replace("/day?", "/day.html?", StringComparison.Ordinal), fixture.Token);
        var html = await response.Content.ReadAsStringAsync();
        using var csv = await fixture.Client.ReportAsync(Query.Replace("/day?", "/day.csv?", StringComparison.Ordinal), fixture.Token);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("<tr>" + string.Concat(lines[0].Split(',').Select(h => "<th>" + h + "</th>")) + "</tr>", html, StringComparison.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            Assert.Contains("<tr>" + string.Concat(line.Split(',').Select(c => "<td>" + c + "</td>")) + "</tr>", html, StringComparison.Ordinal);
        }

        Assert.Contains("rel=\"roll-up\" href=\"/cmu/v2/tenant/year/month\"", html, StringComparison.Ordinal);
    }
}
