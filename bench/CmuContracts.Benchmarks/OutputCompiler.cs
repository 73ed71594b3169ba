using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmuContracts.Benchmarks;

/// <summary>What compiling one generator's output gave.</summary>
internal sealed record CompileOutcome(bool Success, int ErrorCount, string FirstErrors, long AssemblyBytes);

/// <summary>
/// Compiles generated code the way a consumer's build does (parse every file, then <c>CSharpCompilation.Emit</c>
/// to memory), against the running shared framework, nullable on, Debug (the inner-loop build). Reused by the
/// compile benchmark and by the output report, so both can be re-run unchanged when the generator's output changes.
/// </summary>
internal static class OutputCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(CreateReferences);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Debug);

    /// <summary>Loads the references up front, so a timed compile does not include reading them.</summary>
    public static void Warm() => _ = References.Value;

    /// <summary>
    /// Single-threaded compiles (<c>CMU_COMPILE_SERIAL=1</c>): the total work, without the scheduling noise of a parallel
    /// compile on two cores; for comparing two variants of an output, not for the consumer-facing figure.
    /// </summary>
    private static readonly bool Serial = Environment.GetEnvironmentVariable("CMU_COMPILE_SERIAL") == "1";

    public static CompileOutcome Compile(GeneratedOutput output)
    {
        var trees = output.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Name));
        var compilation = CSharpCompilation.Create("Generated_" + Guid.NewGuid().ToString("N"), trees, References.Value, Serial ? Options.WithConcurrentBuild(false) : Options);
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return new CompileOutcome(result.Success, errors.Count, string.Join(Environment.NewLine, errors.Take(3)), pe.Length);
    }

    /// <summary>The median wall time of <paramref name="runs"/> compiles after one warm-up (for the output report).</summary>
    public static TimeSpan MedianCompileTime(GeneratedOutput output, int runs)
    {
        var times = CompileTimes(output, runs);
        return times[times.Count / 2];
    }

    /// <summary>
    /// The median wall times of <paramref name="runs"/> compiles of each output, alternating <c>a, b, a, b</c>, and the
    /// median of the pairs' ratios (a / b): a machine getting slower or faster during the runs weighs on both alike.
    /// </summary>
    public static (TimeSpan A, TimeSpan B, double PairRatio) MedianCompileTimes(GeneratedOutput a, GeneratedOutput b, int runs)
    {
        Compile(a);
        Compile(b);
        var timesA = new List<TimeSpan>();
        var timesB = new List<TimeSpan>();
        var ratios = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            timesA.Add(TimedCompile(a));
            timesB.Add(TimedCompile(b));
            ratios.Add(timesA[^1] / timesB[^1]);
        }

        timesA.Sort();
        timesB.Sort();
        ratios.Sort();
        return (timesA[timesA.Count / 2], timesB[timesB.Count / 2], ratios[ratios.Count / 2]);
    }

    /// <summary>The sorted wall times of <paramref name="runs"/> compiles after one warm-up.</summary>
    public static IReadOnlyList<TimeSpan> CompileTimes(GeneratedOutput output, int runs)
    {
        Compile(output);
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(TimedCompile(output));
        }

        times.Sort();
        return times;
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        // The shared framework (the assemblies beside System.Private.CoreLib, not this process's NuGet dependencies) and Refit.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            // Our output is Refit clients; NSwag's ignores the extra reference.
            .Append(MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location))
            .ToImmutableArray();
    }

    private static TimeSpan TimedCompile(GeneratedOutput output) => Timing.AfterCollection(() => Compile(output));
}
