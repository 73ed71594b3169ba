using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// Issue 18's spec edit, compiled in memory: a copy of our spec with one more CMU path and one more metric generates an
/// index in which the new operation has the report operations' type (so the library's tree, which takes every
/// <c>ApiOperation&lt;IUsageReportsClient, GetRootArguments, Task&lt;UsageReport&gt;&gt;</c> of the index, has it) and
/// a <c>ReportMetric</c> that lists the new metric, with no other edit.
/// </summary>
public sealed class SpecEditReachesTheIndexTests
{
    [Fact]
    public void ANewCmuPathAndMetricReachTheIndexAndTheMetricEnum()
    {
        var spec = Specs.Ours();
        var run = GeneratorHarness.Run(spec.WithText(WithOccurrencesAndBstreams(spec.Text))).ThrowIfGeneratorFailed();

        Assert.Empty(run.CompilationDiagnostics());
        var index = run.Output.GetTypeByMetadataName(Specs.OurNamespace + ".UsageReportsOperations")!;
        var added = Assert.IsAssignableFrom<IFieldSymbol>(Assert.Single(index.GetMembers("GetTenantOccurrences")));
        var existing = Assert.IsAssignableFrom<IFieldSymbol>(Assert.Single(index.GetMembers("GetTenant")));
        Assert.Equal(existing.Type, added.Type, SymbolEqualityComparer.Default);
        Assert.Equal(
            "CmuContracts.AdobePass.ApiOperation<CmuContracts.AdobePass.IUsageReportsClient, CmuContracts.AdobePass.UsageReportsOperations.GetRootArguments, System.Threading.Tasks.Task<CmuContracts.AdobePass.UsageReport>>",
            added.Type.ToDisplayString());

        var metric = run.Output.GetTypeByMetadataName(Specs.OurNamespace + ".ReportMetric")!;
        Assert.Single(metric.GetMembers("Bstreams30"));
        var metrics = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(".Models.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("new(\"bstreams-30\")", metrics, StringComparison.Ordinal);
        Assert.Contains("DurationOver1m, Users, Bstreams30 };", metrics, StringComparison.Ordinal);
    }

    /// <summary>The spec with <c>/tenant/occurrences</c> (a copy of <c>/tenant</c>) and the metric <c>bstreams-30</c>.</summary>
    private static string WithOccurrencesAndBstreams(string text)
    {
        var start = text.IndexOf("\n  /tenant:\n", StringComparison.Ordinal) + 1;
        var end = text.IndexOf("\n  /", start + 1, StringComparison.Ordinal) + 1;
        var tenant = text[start..end];
        var occurrences = tenant.Replace("  /tenant:\n", "  /tenant/occurrences:\n", StringComparison.Ordinal)
            .Replace("operationId: getTenant\n", "operationId: getTenantOccurrences\n", StringComparison.Ordinal);
        Assert.NotEqual(tenant, occurrences);
        var withPath = text.Insert(end, occurrences);
        const string lastMetric = "        - users\n    ReportDimension:";
        Assert.Contains(lastMetric, withPath, StringComparison.Ordinal);
        return withPath.Replace(lastMetric, "        - users\n        - bstreams-30\n    ReportDimension:", StringComparison.Ordinal);
    }
}
