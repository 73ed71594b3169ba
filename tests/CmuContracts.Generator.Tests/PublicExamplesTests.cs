using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// An extra check, never a requirement: when the OpenAPI Initiative's public examples happen to be checked out beside
/// the repository (<c>../shared/specs-corpus</c>), each of them generates code that compiles, as the project's own
/// corpus must everywhere. On a fresh clone nothing is beside the repository and the theory is skipped, saying why.
/// </summary>
public sealed class PublicExamplesTests
{
    /// <summary>The examples' file paths; never enumerated when they are absent (the theory is skipped first).</summary>
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.PublicExamplesDirectory!).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [PublicExamplesTheory]
    [MemberData(nameof(Examples))]
    public void PublicExampleGeneratesCodeThatCompiles(string file)
    {
        var run = GeneratorHarness.Run(Specs.PublicExample(file), withHttp: true).ThrowIfGeneratorFailed();

        var errors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Generator errors:\n" + string.Join("\n", errors.Select(SnapshotVerifier.Describe)));
        Assert.NotEmpty(run.Single.GeneratedSources);
        var problems = run.CompilationDiagnostics();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(40).Select(d => d.ToString())));
    }

    /// <summary>
    /// A theory skipped when the public examples are absent. xunit 2 fails a theory whose data is empty, and has no
    /// skip from inside a test, so the attribute decides before the data is read.
    /// </summary>
    private sealed class PublicExamplesTheoryAttribute : TheoryAttribute
    {
        public PublicExamplesTheoryAttribute()
        {
            if (TestPaths.PublicExamplesDirectory is null)
            {
                Skip = "No public examples beside the repository (../shared/specs-corpus); the corpus in Corpus/ is the requirement, these are an extra check.";
            }
        }
    }
}
