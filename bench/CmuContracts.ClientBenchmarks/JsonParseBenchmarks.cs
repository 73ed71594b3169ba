using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using CmuContracts.AdobePass;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// The JSON part of <see cref="ReportCallBenchmarks"/> alone: the canned report body read from memory by our
/// generated converters and by System.Text.Json's source generator (the hand-written DTOs). A third row reads the
/// same body with every numeric record value written as a JSON number instead of a string, to show what the
/// generated number reading costs on CMU's all-strings records. The async rows read the body from a stream as
/// Refit and <c>ReadFromJsonAsync</c> do, where a custom converter at the root makes System.Text.Json buffer
/// the whole value before it can call the converter.
/// </summary>
[MemoryDiagnoser]
public partial class JsonParseBenchmarks
{
    private byte[] _body = null!;
    private byte[] _numericBody = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = CannedReport.Default.Body;
        _numericBody = Encoding.UTF8.GetBytes(QuotedNumber().Replace(Encoding.UTF8.GetString(_body), "$1$2"));
        SetupCheck.Expect(_numericBody.Length < _body.Length, "the numeric copy of the body still quotes its numbers");
        SetupCheck.Expect(Generated() == CannedReport.Default.Rows && HandWritten() == CannedReport.Default.Rows && GeneratedNumericValues() == CannedReport.Default.Rows, "a parser did not read every record");
    }

    [Benchmark(Description = "generated converters (AdobePassJsonContext)")]
    public int Generated() => JsonSerializer.Deserialize(_body, AdobePassJsonContext.Default.UsageReport)!.Report.Count;

    [Benchmark(Baseline = true, Description = "STJ source gen (hand-written DTOs)")]
    public int HandWritten() => JsonSerializer.Deserialize(_body, HandWrittenJsonContext.Default.HandWrittenReport)!.Report.Count;

    [Benchmark(Description = "generated converters, numbers unquoted (diagnostic)")]
    public int GeneratedNumericValues() => JsonSerializer.Deserialize(_numericBody, AdobePassJsonContext.Default.UsageReport)!.Report.Count;

    // Refit and ReadFromJsonAsync read the response stream asynchronously, as these two rows do.
    [Benchmark(Description = "generated converters, async from a stream")]
    public async Task<int> GeneratedAsync()
    {
        using var stream = new MemoryStream(_body, writable: false);
        return (await JsonSerializer.DeserializeAsync(stream, AdobePassJsonContext.Default.UsageReport).ConfigureAwait(false))!.Report.Count;
    }

    [Benchmark(Description = "STJ source gen, async from a stream")]
    public async Task<int> HandWrittenAsync()
    {
        using var stream = new MemoryStream(_body, writable: false);
        return (await JsonSerializer.DeserializeAsync(stream, HandWrittenJsonContext.Default.HandWrittenReport).ConfigureAwait(false))!.Report.Count;
    }

    // A record member whose string value is an integer: "name":"123" -> "name":123 (hrefs hold no such pair).
    [GeneratedRegex("(\"[a-z0-9_-]+\":)\"(-?[0-9]+)\"")]
    private static partial Regex QuotedNumber();
}
