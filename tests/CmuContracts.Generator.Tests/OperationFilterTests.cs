using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// Per-spec CmuInclude and CmuExclude metadata choose the operations generated (by tag, path prefix or operation id):
/// the others, and the types only they use, are not generated; a selector that matches nothing is CMU1013 and a
/// malformed one CMU1008.
/// </summary>
public sealed class OperationFilterTests
{
    private static GeneratorRun Run(params (string Key, string Value)[] metadata) =>
        GeneratorHarness.Run(Specs.Corpus("model-studio") with { Metadata = metadata.ToDictionary(m => m.Key, m => m.Value) }).ThrowIfGeneratorFailed();

    private static string Methods(GeneratorRun run) => string.Join(", ", run.Single.GeneratedSources
        .Where(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal))
        .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax>()
            .SelectMany(i => i.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Select(m => i.Identifier.Text + "." + m.Identifier.Text)))
        .Where(m => !m.EndsWith("RawAsync", StringComparison.Ordinal)) // each reading method's raw twin: same operation
        .Order(StringComparer.Ordinal));

    private static bool HasType(GeneratorRun run, string name) =>
        run.Single.GeneratedSources.Any(s => s.SourceText.ToString().Contains("public sealed partial class " + name + "\n", StringComparison.Ordinal)
            || s.SourceText.ToString().Contains("public sealed partial class " + name + " ", StringComparison.Ordinal));

    [Fact]
    public void IncludedTagsAndOperationsAreTheOnlyOnesGenerated()
    {
        var run = Run(("CmuInclude", "tag:Files; operation:createChatCompletion"));

        Assert.Equal("IChatClient.CreateChatCompletionAsync, IChatClient.CreateChatCompletionStreamAsync, IFilesClient.AddUploadPartAsync, IFilesClient.ListFilesAsync, IFilesClient.UploadFileAsync", Methods(run));
        Assert.True(HasType(run, "UploadFileRequest"));
        Assert.False(HasType(run, "TranscriptionRequest"), "a type only an excluded operation uses was generated");
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(run.CompilationDiagnostics().IsEmpty, string.Join("\n", run.CompilationDiagnostics()));
    }

    [Fact]
    public void ExcludedPathPrefixesAndOperationsAreLeftOut()
    {
        var run = Run(("CmuExclude", "path:/audio,path:/images;operation:getBatchResults"));

        Assert.Equal("IChatClient.CreateChatCompletionAsync, IChatClient.CreateChatCompletionStreamAsync, IFilesClient.AddUploadPartAsync, IFilesClient.ListFilesAsync, IFilesClient.UploadFileAsync", Methods(run));
    }

    [Fact]
    public void AnExcludeWinsOverAnInclude()
    {
        var run = Run(("CmuInclude", "tag:Files"), ("CmuExclude", "path:/uploads/"));

        Assert.Equal("IFilesClient.ListFilesAsync, IFilesClient.UploadFileAsync", Methods(run));
    }

    [Fact]
    public void SelectorsThatMatchNothingOrAreMalformedAreReported()
    {
        var run = Run(("CmuInclude", "tag:Fles;tag:Files;colour:red;path:"));

        Assert.Equal("CMU1008 CMU1008 CMU1013", string.Join(" ", run.Result.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal)));
        Assert.Contains(run.Result.Diagnostics, d => d.Id == "CMU1013" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'tag:Fles'", StringComparison.Ordinal));
        Assert.Equal("IFilesClient.AddUploadPartAsync, IFilesClient.ListFilesAsync, IFilesClient.UploadFileAsync", Methods(run));
    }
}
