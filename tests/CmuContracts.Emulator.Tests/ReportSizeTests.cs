using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>The configurable maximum answer size, and answers written as a stream.</summary>
public sealed class ReportSizeTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private const string Widest = "/tenant/year/month/day/mvpd/platform/application-id/application";

    [Fact]
    public async Task AHugeLimitOverTheWholeRetentionIs400TooLarge()
    {
        // 90,000+ rows of 27 columns: the 54 MB answer of the issue.
        using var response = await fixture.Client.ReportAsync(Widest + "?start=2023-01-01&limit=1000000000", fixture.Token);

        var reason = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too large", reason, StringComparison.Ordinal);
        Assert.Contains("50000 rows", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameQueryWithinTheLimitIsServed()
    {
        using var doc = await fixture.Client.ReportJsonAsync(Widest + "?start=2023-01-01&limit=35000", fixture.Token);

        Assert.Equal(35000, ReportDoc.Records(doc).Length);
    }

    [Theory]
    [InlineData(10, 1_000_000, "/tenant/year/month/day?start=2025-05-01&end=2025-06-01&limit=10", true)]
    [InlineData(10, 1_000_000, "/tenant/year/month/day?start=2025-05-01&end=2025-06-01&limit=11", false)]
    [InlineData(1000, 230, "/tenant/year/month/day?start=2025-05-01&end=2025-06-01&limit=10", true)] // 10 rows × 23 columns
    [InlineData(1000, 229, "/tenant/year/month/day?start=2025-05-01&end=2025-06-01&limit=10", false)]
    [InlineData(10, 1_000_000, "/tenant/year/month/day?tenant=Acme&start=2025-05-01&end=2025-05-11&limit=1000", true)] // 10 rows exist
    public async Task MaxRowsAndCellsAreConfigurable(int maxRows, long maxCells, string pathAndQuery, bool served)
    {
        var options = SharedEmulatorFixture.Options();
        options.ReportLimits.MaxRows = maxRows;
        options.ReportLimits.MaxCells = maxCells;
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        using var response = await client.ReportAsync(pathAndQuery, await client.AccessTokenAsync());

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(served ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
        if (served)
        {
            using var doc = JsonDocument.Parse(body);
            Assert.Equal(10, ReportDoc.Records(doc).Length);
        }
        else
        {
            Assert.Contains("too large", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".csv")]
    public async Task LargeAnswersAreStreamedWithoutAContentLength(string extension)
    {
        using var response = await fixture.Client.ReportAsync(Widest + extension + "?start=2025-05-01&end=2025-06-01&limit=3000", fixture.Token);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.True(body.Length > 256 * 1024, $"{body.Length} characters"); // far beyond one flush
        if (extension == ".csv")
        {
            Assert.Equal(3001, body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        }
        else
        {
            using var doc = JsonDocument.Parse(body);
            Assert.Equal(3000, ReportDoc.Records(doc).Length);
        }
    }
}
