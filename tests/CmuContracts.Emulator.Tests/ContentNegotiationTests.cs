using System.Net;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class ContentNegotiationTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private async Task<(HttpStatusCode Status, string? MediaType)> GetAsync(string pathAndQuery, string? accept = null)
    {
        using var response = await fixture.Client.ReportAsync(pathAndQuery, fixture.Token, accept);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DefaultIsJson() => Assert.Equal((HttpStatusCode.OK, "application/json"), await GetAsync("/tenant"));

    [Fact]
    public async Task AcceptJsonGetsJson() => Assert.Equal((HttpStatusCode.OK, "application/json"), await GetAsync("/tenant", "application/json"));

    [Theory]
    [InlineData("/tenant.xml", null)]
    [InlineData("/tenant?format=xml", null)]
    [InlineData("/tenant", "application/xml")]
    [InlineData("/tenant.xml?format=csv", "text/csv")]
    public async Task XmlByExtensionFormatOrAcceptGetsXml(string pathAndQuery, string? accept) =>
        Assert.Equal((HttpStatusCode.OK, "application/xml"), await GetAsync(pathAndQuery, accept));

    [Theory]
    [InlineData("/tenant.html", null)]
    [InlineData("/tenant?format=html", "application/json")]
    [InlineData("/tenant", "text/html")]
    public async Task HtmlByExtensionFormatOrAcceptGetsHtml(string pathAndQuery, string? accept) =>
        Assert.Equal((HttpStatusCode.OK, "text/html"), await GetAsync(pathAndQuery, accept));

    [Fact]
    public async Task CsvExtensionGetsCsv() => Assert.Equal((HttpStatusCode.OK, "text/csv"), await GetAsync("/tenant.csv"));

    [Fact]
    public async Task JsonExtensionGetsJson() => Assert.Equal((HttpStatusCode.OK, "application/json"), await GetAsync("/tenant.json"));

    [Fact]
    public async Task FormatParameterGetsCsv() => Assert.Equal((HttpStatusCode.OK, "text/csv"), await GetAsync("/tenant?format=csv"));

    [Fact]
    public async Task AcceptCsvGetsCsv() => Assert.Equal((HttpStatusCode.OK, "text/csv"), await GetAsync("/tenant", "text/csv"));

    [Fact]
    public async Task ExtensionBeatsFormatParameter() =>
        Assert.Equal((HttpStatusCode.OK, "application/json"), await GetAsync("/tenant.json?format=csv"));

    [Fact]
    public async Task FormatParameterBeatsAccept() =>
        Assert.Equal((HttpStatusCode.OK, "application/json"), await GetAsync("/tenant?format=json", "text/csv"));

    [Fact]
    public async Task AcceptQualityOrderIsHonoured() =>
        Assert.Equal((HttpStatusCode.OK, "text/csv"), await GetAsync("/tenant", "application/json;q=0.5, text/csv"));

    [Theory]
    [InlineData("/tenant", "image/png")]
    [InlineData("/tenant", "application/hal+json")]
    [InlineData("/tenant", "application/json;q=0, image/png")]
    public async Task UnsupportedTypeIs406(string pathAndQuery, string? accept) =>
        Assert.Equal(HttpStatusCode.NotAcceptable, (await GetAsync(pathAndQuery, accept)).Status);

    [Fact]
    public async Task UnknownFormatValueIs400() => Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/tenant?format=yaml")).Status);
}
