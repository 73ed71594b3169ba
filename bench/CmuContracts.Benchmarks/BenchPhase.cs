using CmuContracts.Generator.Emitting;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;

namespace CmuContracts.Benchmarks;

/// <summary>One run of a phase of ours on a benchmark spec: a full driver run, or only parsing, or only emitting.</summary>
internal static class BenchPhase
{
    public const string Full = "full";
    public const string Parse = "parse";
    public const string Emit = "emit";

    /// <param name="spec">The spec.</param>
    /// <param name="phase"><c>full</c> (a new driver's run), <c>parse</c> (text to model) or <c>emit</c> (model to text).</param>
    public static Func<object> Runner(BenchmarkSpec spec, string phase)
    {
        var input = new SpecInput(spec.Path, spec.Text, "Bench.Generated", "Bench", "Bench.Generated.Bench");
        switch (phase)
        {
            case Parse:
                return () => SpecParser.Parse(input, CancellationToken.None);
            case Emit:
                var model = SpecParser.Parse(input, CancellationToken.None).Model ?? throw new InvalidOperationException(spec.Name + " did not parse");
                return () => SourceEmitter.Emit(model, GenerationOptions.Default, clients: true, serviceCollection: false);
            case Full:
                var compilation = OurGenerator.CreateCompilation();
                var text = OurGenerator.Text(spec.Path, spec.Text);
                return () => OurGenerator.CreateDriver(text).RunGenerators(compilation);
            default:
                throw new ArgumentException("Unknown phase '" + phase + "': full, parse or emit", nameof(phase));
        }
    }
}
