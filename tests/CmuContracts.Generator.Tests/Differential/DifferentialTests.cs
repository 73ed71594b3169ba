using System.Collections.Concurrent;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// Differential against Refit itself (issue 6): for our spec and every corpus spec, our generated implementation and
/// Refit's own generated implementation of the same interface text send byte-identical requests and give equal
/// results or exceptions for the same responses, for every interface method, two argument variants, five responses
/// and three <see cref="Refit.RefitSettings"/> profiles. Run against Refit 16.4 here and against Refit 17 (and its own
/// generator) by CmuContracts.Generator.Refit17.Tests, which compiles these files against it.
/// </summary>
public sealed class DifferentialTests
{
    private const int MaxReported = 60;
    private static readonly ConcurrentDictionary<string, Lazy<(DifferentialBuild Build, ApiModel Model)>> Builds = new(StringComparer.Ordinal);

    private readonly ITestOutputHelper _output;

    public DifferentialTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> SpecsAndProfiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in Specs.AllNames())
        {
            foreach (var profile in SettingsProfiles.Names)
            {
                data.Add(spec, profile);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecsAndProfiles))]
    public async Task OurImplementationBehavesAsRefits(string spec, string profile)
    {
        var (build, model) = BuildFor(spec);
        foreach (var diagnostic in build.RefitGeneratorDiagnostics)
        {
            _output.WriteLine("Refit's generator: " + diagnostic);
        }

        // Opt-in: CMU_DIFFERENTIAL_DUMP=<directory> writes every observation pair and both generated sources there.
        var dump = Environment.GetEnvironmentVariable("CMU_DIFFERENTIAL_DUMP");
        StreamWriter? observations = null;
        if (!string.IsNullOrEmpty(dump))
        {
            var directory = Directory.CreateDirectory(Path.Combine(dump, spec)).FullName;
            foreach (var (hint, text) in build.OurGeneratedSources.Select(p => ("ours." + p.Key, p.Value)).Concat(build.RefitGeneratedSources.Select(p => ("refit." + p.Key, p.Value))))
            {
                File.WriteAllText(Path.Combine(directory, hint), text);
            }

            observations = new StreamWriter(Path.Combine(directory, "observations." + profile.Replace('+', '_') + ".txt"));
        }

        await using var _ = observations;
        var runner = new DifferentialRunner(build, model) { Observed = observations is null ? null : observations.Write };
        Assert.NotEmpty(runner.Interfaces());
        await runner.RunAsync(profile);

        var unexplained = new List<string>();
        foreach (var difference in runner.Differences)
        {
            var reason = KnownDifferences.Explain(difference);
            _output.WriteLine((reason is null ? "UNEXPLAINED " : "known (" + reason + ") ") + difference);
            if (reason is null)
            {
                unexplained.Add(difference);
            }
        }

        _output.WriteLine($"Refit {RefitPackage.Version}: {runner.Comparisons} observations compared, {runner.Differences.Count} differ, {unexplained.Count} unexplained.");
        Assert.True(runner.Comparisons > 0, "No call was compared.");
        Assert.True(unexplained.Count == 0,
            $"{unexplained.Count} of {runner.Comparisons} observations of {spec} under '{profile}' differ between our implementation and Refit's:\n"
            + string.Join("\n", unexplained.Take(MaxReported)));
    }

    private static (DifferentialBuild Build, ApiModel Model) BuildFor(string name) =>
        Builds.GetOrAdd(name, n => new Lazy<(DifferentialBuild, ApiModel)>(() =>
        {
            var spec = Specs.ByName(n);
            var parsed = SpecParser.Parse(new SpecInput(spec.Path, spec.Text, spec.Namespace!, spec.ClientName ?? Specs.PascalCase(n), "Differential"), CancellationToken.None);
            return (DifferentialBuild.For(spec), parsed.Model ?? throw new InvalidOperationException("The parser produced no model for " + n));
        })).Value;
}
