using System.Reflection;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// The generated clients are Refit clients: the interface carries Refit's attributes, the bearer header
/// only where the spec's security needs a token, the return shape follows <c>CmuReturnShape</c>, and
/// without a supported Refit the generator says so (CMU1012) instead of emitting code that cannot compile.
/// </summary>
public sealed class RefitSurfaceTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [ { url: 'https://pets.example/v1' } ]
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: { type: integer, format: int64 }
                name: { type: string }
            Problem:
              type: object
              properties:
                title: { type: string }
        paths:
          /pets/{pet-id}:
            get:
              operationId: getPet
              tags: [Pets]
              security: [ { bearer: [] } ]
              parameters:
                - { name: pet-id, in: path, required: true, schema: { type: integer, format: int64 } }
                - { name: page-size, in: query, schema: { type: integer } }
                - { name: tags, in: query, style: form, explode: false, schema: { type: array, items: { type: string } } }
                - { name: X-Trace-Id, in: header, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json: { schema: { $ref: '#/components/schemas/Pet' } }
                    text/csv: { schema: { type: string } }
                '404':
                  description: missing
                  content:
                    application/json: { schema: { $ref: '#/components/schemas/Problem' } }
          /pets:
            post:
              operationId: createPet
              tags: [Pets]
              requestBody:
                required: true
                content:
                  application/json: { schema: { $ref: '#/components/schemas/Pet' } }
              responses:
                '201': { description: created }
        """;

    [Fact]
    public void InterfaceMethodsCarryRefitAttributesAndBearerOnlyOnSecuredOperations()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api")).ThrowIfGeneratorFailed();
        var client = Source(run, ".PetsClient.g.cs");

        Assert.Contains("[global::Refit.Get(\"/pets/{pet-id}\")]", client, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.Headers(\"Accept: application/json\", \"Authorization: Bearer\")]", client, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.Headers(\"Accept: text/csv\", \"Authorization: Bearer\")]", client, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.AliasAs(\"pet-id\")] long petId", client, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.AliasAs(\"page-size\")] [global::Refit.Query] int? pageSize = null", client, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.Query(global::Refit.CollectionFormat.Csv)]", client, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.Header(\"X-Trace-Id\")] string? xTraceId = null", client, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.CancellationToken cancellationToken = default);", client, StringComparison.Ordinal);

        // createPet has no security: no Authorization header, and a JSON [Body].
        var create = client.Substring(client.IndexOf("[global::Refit.Post(\"/pets\")]", StringComparison.Ordinal));
        create = create.Substring(0, create.IndexOf(';', StringComparison.Ordinal));
        Assert.DoesNotContain("Authorization", create, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.Body] Pet body", create, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task CreatePetAsync(", create, StringComparison.Ordinal);

        Assert.True(run.CompilationDiagnostics().IsEmpty, string.Join("\n", run.CompilationDiagnostics()));
    }

    [Fact]
    public void TheDefaultReturnShapeIsTheValueAndApiResponseIsAnOption()
    {
        var value = Source(GeneratorHarness.Run(new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api")).ThrowIfGeneratorFailed(), ".PetsClient.g.cs");
        Assert.Contains("global::System.Threading.Tasks.Task<Pet> GetPetAsync(", value, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task<string> GetPetAsCsvAsync(", value, StringComparison.Ordinal);

        var options = new Dictionary<string, string> { ["CmuReturnShape"] = "ApiResponse" };
        var run = GeneratorHarness.Run(new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api", Metadata: options)).ThrowIfGeneratorFailed();
        var shaped = Source(run, ".PetsClient.g.cs");
        Assert.Contains("global::System.Threading.Tasks.Task<global::Refit.IApiResponse<Pet>> GetPetAsync(", shaped, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task<global::Refit.IApiResponse> CreatePetAsync(", shaped, StringComparison.Ordinal);
        Assert.True(run.CompilationDiagnostics().IsEmpty, string.Join("\n", run.CompilationDiagnostics()));
    }

    [Fact]
    public void AnUnknownReturnShapeIsCmu1008AndTheDefaultIsUsed()
    {
        var options = new Dictionary<string, string> { ["CmuReturnShape"] = "Observable" };
        var run = GeneratorHarness.Run(new[] { new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api", Metadata: options) }, warningsAsErrors: false).ThrowIfGeneratorFailed();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMU1008");
        Assert.Contains("CmuReturnShape 'Observable'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Task<Pet> GetPetAsync(", Source(run, ".PetsClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutRefitTheGeneratorReportsCmu1012InTheSpecAndEmitsCompilingModelsOnly()
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api") }, TestReferences.FrameworkOnly, warningsAsErrors: false).ThrowIfGeneratorFailed();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMU1012");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/pets.openapi.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("does not reference Refit", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var hints = run.Single.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains(hints, h => h.EndsWith(".Models.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.EndsWith("Client.g.cs", StringComparison.Ordinal));
        Assert.True(run.CompilationDiagnostics().IsEmpty, string.Join("\n", run.CompilationDiagnostics()));
    }

    [Theory]
    [InlineData("15.2.0+abc", "15.2.0")]
    [InlineData("16.3.1", "16.3.1")]
    [InlineData("18.0.0-preview.1+abc", "18.0.0")]
    [InlineData("18.0", "18.0")]
    public void ARefitOutsideTheProvenReleasesIsCmu1012NamingTheVersion(string informationalVersion, string shown)
    {
        // A stand-in Refit that has the helper types (16.4's and 17's) but is not a release the differential tests prove.
        var standIn = CSharpCompilation.Create("Refit",
                new[]
                {
                    CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyInformationalVersion(\"" + informationalVersion + "\")] "
                        + "namespace Refit { public static class GeneratedRequestRunner { } public readonly struct FormFieldNames { } }"),
                },
                TestReferences.FrameworkOnly, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithAssemblyName("Refit");
        var references = TestReferences.FrameworkOnly.Add(standIn.ToMetadataReference());

        var run = GeneratorHarness.Run(new[] { new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api") }, references, warningsAsErrors: false).ThrowIfGeneratorFailed();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMU1012");
        Assert.Contains(shown + ", outside [16.4.0, 18.0.0)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Single.GeneratedSources, s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void OnRefit16FormFieldsTakeTheSpecNameAsTheirExplicitName()
    {
        // Refit 17's FormFieldNames form is proven by CmuContracts.Generator.Refit17.Tests; this project references 16.4.
        var run = GeneratorHarness.Run(Specs.Ours()).ThrowIfGeneratorFailed();
        var token = Source(run, ".TokenClient.g.cs");

        Assert.Contains("(static b => b.GrantType.Value, \"GrantType\", \"grant_type\", null, null, null, false)", token, StringComparison.Ordinal);
        Assert.DoesNotContain("FormFieldNames", token, StringComparison.Ordinal);
    }

    [Fact]
    public void TheImplementationIsRegisteredFromAModuleInitializerWithBothRefitFactories()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api")).ThrowIfGeneratorFailed();
        var registration = Source(run, "RefitRegistration.g.cs");

        Assert.Contains("[global::System.Runtime.CompilerServices.ModuleInitializer]", registration, StringComparison.Ordinal);
        Assert.Contains("RegisterGeneratedSettingsFactory<global::Pets.Api.IPetsClient>", registration, StringComparison.Ordinal);
        Assert.Contains("RegisterGeneratedFactory<global::Pets.Api.IPetsClient>", registration, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredErrorBodiesGetATryGetExtensionOnRefitApiException()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/pets.openapi.yaml", Spec, "Pets.Api")).ThrowIfGeneratorFailed();
        var errors = Source(run, "ApiExceptionExtensions.g.cs");

        Assert.Contains("public static bool TryGetProblem(this global::Refit.ApiException exception", errors, StringComparison.Ordinal);
    }

    private static string Source(GeneratorRun run, string hintSuffix) =>
        Assert.Single(run.Single.GeneratedSources, s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();
}
