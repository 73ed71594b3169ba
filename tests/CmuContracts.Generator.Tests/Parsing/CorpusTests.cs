using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using Xunit;
using Xunit.Abstractions;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

public sealed class CorpusTests
{
    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    private static readonly string[] CorpusFiles =
    {
        "api-with-examples.yaml",
        "callback-example.yaml",
        "link-example.yaml",
        "petstore-expanded.yaml",
        "petstore.yaml",
        "uspto.yaml",
    };

    public static TheoryData<string> CorpusSpecs() => new(CorpusFiles);

    [Theory]
    [MemberData(nameof(CorpusSpecs))]
    public void CorpusSpecParsesWithoutErrors(string file)
    {
        var path = Path.Combine(SharedFolder(), "specs-corpus", file);
        var result = SpecParser.Parse(new SpecInput(path, File.ReadAllText(path), "Corpus", "Corpus", "Corpus"), CancellationToken.None);
        _output.WriteLine(Describe(result.Diagnostics));
        _output.WriteLine(ModelDump.Write(result.Model));

        Assert.NotNull(result.Model);
        var errors = result.Diagnostics.Where(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, Describe(errors));
        Assert.NotEmpty(result.Model!.Clients);
    }

    [Fact]
    public void CorpusHasExactlyTheSixKnownSpecs()
    {
        var files = Directory.GetFiles(Path.Combine(SharedFolder(), "specs-corpus"), "*.yaml").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(string.Join(", ", CorpusFiles), string.Join(", ", files));
    }

    [Fact]
    public void OurSpecParsesWithNoWarnings()
    {
        var path = Path.Combine(RepositoryRoot(), "spec", "adobe-pass.openapi.yaml");
        Assert.True(File.Exists(path), "Missing " + path);
        var result = SpecParser.Parse(new SpecInput(path, File.ReadAllText(path), "CmuContracts", "Cmu", "Cmu"), CancellationToken.None);
        _output.WriteLine(Describe(result.Diagnostics));
        _output.WriteLine(ModelDump.Write(result.Model));

        Assert.NotNull(result.Model);
        var problems = result.Diagnostics.Where(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity != Microsoft.CodeAnalysis.DiagnosticSeverity.Info).ToList();
        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Fact]
    public void PetstoreExpandedMapsAsExpected()
    {
        var path = Path.Combine(SharedFolder(), "specs-corpus", "petstore-expanded.yaml");
        var model = ParseClean(File.ReadAllText(path));

        Assert.Equal("Pet, NewPet, Error", string.Join(", ", model.Types.Select(t => t.Name)));
        var pet = Type(model, "Pet");
        Assert.Equal("name, tag, id", string.Join(", ", pet.Properties.Select(p => p.JsonName)));
        Assert.Equal("True, False, True", string.Join(", ", pet.Properties.Select(p => p.IsRequired)));
        Assert.Equal("https://petstore.swagger.io/v2", model.DefaultServerUrl);

        var client = Assert.Single(model.Clients);
        Assert.Equal("Api", client.Name);
        Assert.Equal("FindPets, AddPet, FindPetById, DeletePet", string.Join(", ", client.Operations.Select(o => o.Name)));
        var findPets = client.Operations[0];
        Assert.Equal(TypeRef.ArrayOf(TypeRef.Named("Pet")), findPets.Success!.Type);
        var error = Assert.Single(findPets.Errors);
        Assert.Equal("default", error.StatusCode);
        Assert.Equal(TypeRef.Named("Error"), error.Body!.Type);
    }
}
