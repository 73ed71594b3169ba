using System.Reflection;
using System.Text.Json;
using CmuContracts.AdobePass;
using CmuContracts.Reports;
using Refit;

namespace CmuContracts.Tests.Reports;

/// <summary>
/// The query's drill-down tree is exactly the operations of the generated IUsageReportsClient (the library takes it
/// from the generated operation index, so a path added to the spec needs no edit).
/// </summary>
public sealed class UsageReportTreeTests
{
    private static readonly (string Path, string Method)[] GeneratedOperations =
    [
        .. typeof(IUsageReportsClient).GetMethods()
            .Where(m => m.ReturnType == typeof(Task<AdobePass.UsageReport>))
            .Select(m => (m.GetCustomAttribute<GetAttribute>()!.Path, m.Name))
            .OrderBy(o => o.Path, StringComparer.Ordinal),
    ];

    [Fact]
    public void TheTreeWalkedFromTheRootHasExactlyThePathsOfTheGeneratedOperations()
    {
        var walked = new List<string>();
        var pending = new Stack<UsageReportQuery>([UsageReportQuery.Root]);
        while (pending.TryPop(out var query))
        {
            walked.Add(query.Path);
            foreach (var next in query.NextDimensions)
            {
                pending.Push(query.Then(next));
            }
        }

        Assert.Equal(114, GeneratedOperations.Length);
        Assert.Equal(GeneratedOperations.Select(o => o.Path), walked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EachPathIsSentByItsGeneratedOperationAndItsCSVByTheSamePathAndOperationId()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var reports = test.Reports;

        foreach (var (path, method) in GeneratedOperations)
        {
            // One row accepted as cut (no windows), and a window given so the CSV needs no request to learn it.
            var query = UsageReportQuery.Parse(path).WithLimit(1).AllowPartial().Between(ReportsTestHost.DaysAgo(2), ReportsTestHost.DaysAgo(1));
            var report = await reports.GetReportAsync(query);
            var json = test.Wire.Last;
            await reports.CopyCsvAsync(query, Stream.Null);
            var csv = test.Wire.Last;

            Assert.Equal(method, json.MethodName);
            Assert.Equal("/cmu/v2" + (path == "/" ? "/" : path), json.Path);
            Assert.Equal(json.Path, csv.Path);
            Assert.Equal(json.Query.Replace("format=json", "format=csv", StringComparison.Ordinal), csv.Query);
            Assert.Contains("format=json", json.Query, StringComparison.Ordinal);
            Assert.Equal("application/json", json.Accept);
            Assert.Equal(json.OperationId, csv.OperationId);
            Assert.Equal("text/csv", csv.Accept);
            Assert.Equal("Bearer", csv.AuthorizationScheme);
            Assert.Equal(path, report.Query!.Path);
        }

        Assert.Equal(1, test.Emulator.Stats.Registrations);
        Assert.Equal(1, test.Emulator.Stats.TokensIssued);
    }

    [Fact]
    public void TheDimensionNamesAreTheSegmentsOfTheSpecPaths()
    {
        var segments = GeneratedOperations.SelectMany(o => o.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal);
        var declared = ReportDimension.KnownValues.Select(d => d.Value).Order(StringComparer.Ordinal);

        Assert.Equal(segments, declared);
    }

    [Fact]
    public void TheMetricNamesAreTheMetricPropertiesOfTheGeneratedRecord()
    {
        // Every property of the generated record set, written by its own converter: the JSON names minus the dimensions are the metrics.
        var record = new AdobePass.UsageRecord();
        foreach (var property in typeof(AdobePass.UsageRecord).GetProperties().Where(p => p.PropertyType == typeof(long?)))
        {
            property.SetValue(record, 1L);
        }

        var json = JsonSerializer.Serialize(record, AdobePassJsonContext.Default.UsageRecord);
        var names = JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var known = ReportMetric.KnownValues.Select(m => m.Value).Order(StringComparer.Ordinal);

        Assert.Equal(names, known);
    }
}
