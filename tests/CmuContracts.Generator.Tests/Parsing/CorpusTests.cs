using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// The project's own corpus (<c>Corpus/</c>) and our spec parse without errors; what each corpus spec is there to
/// exercise is asserted in <see cref="CorpusFeatureTests"/>.
/// </summary>
public sealed class CorpusTests
{
    /// <summary>Listed, not globbed, so a lost or stray file is noticed (the theories elsewhere glob the folder).</summary>
    private static readonly string[] CorpusFileNames =
    {
        "document-search.yaml",
        "library-catalogue.yaml",
        "model-studio.yaml",
        "museum-guide.yaml",
        "parcel-tracking.json",
        "recipe-exchange.json",
        "ticket-office.yaml",
        "weather-network.yaml",
    };

    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> CorpusSpecs() => new(CorpusFileNames);

    [Theory]
    [MemberData(nameof(CorpusSpecs))]
    public void CorpusSpecParsesWithoutErrors(string file)
    {
        var path = Path.Combine(TestPaths.CorpusDirectory, file);
        var result = SpecParser.Parse(new SpecInput(path, File.ReadAllText(path), "Corpus", "Corpus", "Corpus"), CancellationToken.None);
        _output.WriteLine(Describe(result.Diagnostics));
        _output.WriteLine(ModelDump.Write(result.Model));

        Assert.NotNull(result.Model);
        var errors = result.Diagnostics.Where(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, Describe(errors));
        Assert.NotEmpty(result.Model!.Clients);
    }

    [Fact]
    public void CorpusHasExactlyTheKnownSpecs()
    {
        var files = TestPaths.CorpusFiles().Select(Path.GetFileName);
        Assert.Equal(string.Join(", ", CorpusFileNames), string.Join(", ", files));
    }

    [Fact]
    public void CorpusHasYamlAndJsonSpecsOfOpenApi30And31()
    {
        var versions = TestPaths.CorpusFiles()
            .Select(f => Path.GetExtension(f) + " " + OpenApiVersion(f)[..3])
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(".json 3.0, .json 3.1, .yaml 3.0, .yaml 3.1", string.Join(", ", versions));
    }

    [Fact]
    public void OurSpecParsesWithNoWarnings()
    {
        var path = TestPaths.OurSpecPath;
        Assert.True(File.Exists(path), "Missing " + path);
        var result = SpecParser.Parse(new SpecInput(path, File.ReadAllText(path), "CmuContracts", "Cmu", "Cmu"), CancellationToken.None);
        _output.WriteLine(Describe(result.Diagnostics));
        _output.WriteLine(ModelDump.Write(result.Model));

        Assert.NotNull(result.Model);
        var problems = result.Diagnostics.Where(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity != Microsoft.CodeAnalysis.DiagnosticSeverity.Info).ToList();
        Assert.True(problems.Count == 0, Describe(problems));
    }

    /// <summary>The <c>openapi</c> field, read by YamlDotNet (JSON is YAML too) rather than by the parser under test.</summary>
    private static string OpenApiVersion(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return ((YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("openapi")]).Value!;
    }
}
