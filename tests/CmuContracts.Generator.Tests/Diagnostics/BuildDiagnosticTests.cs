using System.Globalization;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic id as a build reports it, through the real driver: the id, its severity, its exact place
/// in the spec (fake path, zero-based start line and column, as Roslyn's <see cref="Microsoft.CodeAnalysis.Text.LinePosition"/>
/// counts) and whether code is still generated. What the parser reports and skips in detail:
/// <see cref="DocumentDiagnosticTests"/> and <see cref="SkippedPartDiagnosticTests"/>.
/// </summary>
public sealed class BuildDiagnosticTests
{
    private const string Path = "/specs/diag.openapi.yaml";

    private const string Header = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n";

    [Fact]
    public void InvalidYamlIsCmu1001AnErrorWhereTheReaderStopped()
    {
        // Line 5 (zero-based) opens a flow sequence that the document never closes.
        var run = Run(Header + "paths:\n  /a: [unclosed\n");

        var d = AssertSingle(run, "CMU1001", DiagnosticSeverity.Error);
        AssertAt(d, Path, line: 6, column: 0); // end of input: the line after the last one
        Assert.Empty(run.Single.GeneratedSources);
    }

    [Fact]
    public void DuplicateKeyIsCmu1001AnErrorAtTheDuplicate()
    {
        var run = Run(Header + "  title: Again\npaths: {}\n");

        var d = AssertSingle(run, "CMU1001", DiagnosticSeverity.Error);
        AssertAt(d, Path, line: 4, column: 2);
        Assert.Empty(run.Single.GeneratedSources);
    }

    [Fact]
    public void Swagger2IsCmu1002AnErrorAtTheSwaggerVersion()
    {
        var run = Run("swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\npaths: {}\n");

        var d = AssertSingle(run, "CMU1002", DiagnosticSeverity.Error);
        AssertAt(d, Path, line: 0, column: 9);
        Assert.Contains("Swagger 2.0", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Single.GeneratedSources);
    }

    [Fact]
    public void UnsupportedOpenApiVersionIsCmu1002AnErrorAtTheVersion()
    {
        var run = Run("info:\n  title: T\n  version: '1'\nopenapi: 4.0.0\npaths: {}\n");

        var d = AssertSingle(run, "CMU1002", DiagnosticSeverity.Error);
        AssertAt(d, Path, line: 3, column: 9);
        Assert.Empty(run.Single.GeneratedSources);
    }

    [Fact]
    public void UnresolvedReferenceIsCmu1003AWarningAtTheReference()
    {
        var run = Run(Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            """ + "\n");

        var d = AssertSingle(run, "CMU1003", DiagnosticSeverity.Warning);
        AssertAt(d, Path, line: 14, column: 22); // the reference string itself
        Assert.Contains("#/components/schemas/Missing", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CookieParameterIsCmu1004AWarningAtItsLocation()
    {
        var run = Run(Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  parameters:
                    - name: session
                      in: cookie
                      schema: { type: string }
                  responses:
                    '204':
                      description: ok
            """ + "\n");

        var d = AssertSingle(run, "CMU1004", DiagnosticSeverity.Warning);
        AssertAt(d, Path, line: 10, column: 14);
        Assert.Contains("cookie parameter 'session'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.NotEmpty(run.Single.GeneratedSources); // only the parameter was skipped
    }

    [Fact]
    public void MissingOperationIdIsCmu1005InfoAtTheMethod()
    {
        var run = Run(Header + """
            paths:
              /pets/{id}:
                delete:
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  responses:
                    '204':
                      description: ok
            """ + "\n");

        var d = AssertSingle(run, "CMU1005", DiagnosticSeverity.Info);
        AssertAt(d, Path, line: 6, column: 4);
        Assert.Contains("delete /pets/{id}", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NameCollisionIsCmu1006AWarningAtTheSecondName()
    {
        var run = Run(Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              a: { $ref: '#/components/schemas/pet_tag' }
                              b: { $ref: '#/components/schemas/PetTag' }
            components:
              schemas:
                pet_tag: { type: object, properties: { x: { type: string } } }
                PetTag: { type: object, properties: { y: { type: string } } }
            """ + "\n");

        var d = AssertSingle(run, "CMU1006", DiagnosticSeverity.Warning);
        AssertAt(d, Path, line: 21, column: 4);
        Assert.Contains("'PetTag'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void WrongShapeIsCmu1007AWarningAtTheValue()
    {
        var run = Run(Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  parameters:
                    - name: q
                      in: body
                      schema: { type: string }
                  responses:
                    '204':
                      description: ok
            """ + "\n");

        var d = AssertSingle(run, "CMU1007", DiagnosticSeverity.Warning);
        AssertAt(d, Path, line: 10, column: 14);
        Assert.StartsWith("'in' should be one of path, query, header or cookie", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidClientNameOptionIsCmu1008AWarningAtTheFileStart()
    {
        var spec = new SpecFile(Path, Header + "paths: {}\n", Namespace: "Diag", ClientName: "class");
        var run = GeneratorHarness.Run(new[] { spec }, warningsAsErrors: false).ThrowIfGeneratorFailed();

        var d = AssertSingle(run, "CMU1008", DiagnosticSeverity.Warning);
        AssertAt(d, Path, line: 0, column: 0);
        Assert.Contains("CmuClientName 'class'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("'Diag'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal); // the default client name from the file stem
    }

    [Fact]
    public void InvalidNamespaceOptionIsCmu1008AWarningAtTheFileStart()
    {
        var spec = new SpecFile(Path, Header + "paths: {}\n", Namespace: "Bad..Namespace");
        var run = GeneratorHarness.Run(new[] { spec }, rootNamespace: "My.App", warningsAsErrors: false).ThrowIfGeneratorFailed();

        var d = AssertSingle(run, "CMU1008", DiagnosticSeverity.Warning);
        AssertAt(d, Path, line: 0, column: 0);
        Assert.Contains("'My.App.Diag'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.All(run.Single.GeneratedSources, s => Assert.StartsWith("My.App.Diag.", s.HintName, StringComparison.Ordinal));
    }

    [Fact]
    public void InternalErrorIsCmu1009AnErrorAtTheFileStart()
    {
        // The parser turns every exception into CMU1009. No well-formed input is known to crash it (the fuzz test
        // looks for one), so the crash is provoked with an input the driver cannot produce: a spec without text.
        var source = new SpecSource(new SpecInput(Path, null!, "Diag", "Diag", "Diag"), EquatableArray<DiagnosticInfo>.Empty);

        var result = OpenApiClientGenerator.ParseSafely(source, CancellationToken.None);

        Assert.Null(result.Model);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal("CMU1009", info.Id);
        var d = Diagnostic.Create(global::CmuContracts.Generator.Diagnostics.DiagnosticDescriptors.ById(info.Id), info.Location.ToLocation(), info.MessageArgs.Cast<object>().ToArray());
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        AssertAt(d, Path, line: 0, column: 0);
        Assert.Contains(nameof(ArgumentNullException), d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSpecsForOneNamespaceIsCmu1010AnErrorOnTheSecondSpec()
    {
        var first = new SpecFile("/specs/a.openapi.yaml", Header + "paths: {}\n", Namespace: "Same");
        var second = new SpecFile("/specs/b.openapi.yaml", Header + "paths: {}\n", Namespace: "Same");
        var run = GeneratorHarness.Run(new[] { second, first }, warningsAsErrors: false).ThrowIfGeneratorFailed();

        var d = AssertSingle(run, "CMU1010", DiagnosticSeverity.Error);
        AssertAt(d, "/specs/b.openapi.yaml", line: 0, column: 0);
        Assert.Contains("'Same'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // The first spec by path (a) keeps the namespace: only its client's files are generated.
        Assert.Contains(run.Single.GeneratedSources, s => s.HintName == "Same.AJsonContext.g.cs");
        Assert.DoesNotContain(run.Single.GeneratedSources, s => s.HintName.Contains("BJsonContext", StringComparison.Ordinal));
    }

    [Fact]
    public void NoOperationsIsCmu1011AWarningAtThePathsKey()
    {
        var run = Run(Header + "paths: {}\ncomponents:\n  schemas:\n    Thing: { type: object, properties: { a: { type: string } } }\n");

        var d = AssertSingle(run, "CMU1011", DiagnosticSeverity.Warning);
        AssertAt(d, Path, line: 4, column: 0);
    }

    private static GeneratorRun Run(string spec) =>
        GeneratorHarness.Run(new[] { new SpecFile(Path, spec, Namespace: "Diag") }, warningsAsErrors: false).ThrowIfGeneratorFailed();

    /// <summary>Exactly one diagnostic with this id (others may accompany it), with the expected severity.</summary>
    private static Diagnostic AssertSingle(GeneratorRun run, string id, DiagnosticSeverity severity)
    {
        var all = run.Result.Diagnostics;
        var matches = all.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"Expected one {id}; got:\n" + string.Join("\n", all.Select(SnapshotVerifier.Describe)));
        Assert.Equal(severity, matches[0].Severity);
        Assert.Equal(severity, matches[0].DefaultSeverity);
        return matches[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.True(
            span.StartLinePosition == new Microsoft.CodeAnalysis.Text.LinePosition(line, column),
            $"{diagnostic.Id} expected at ({line},{column}), was at {span.StartLinePosition}: {SnapshotVerifier.Describe(diagnostic)}");
    }
}
