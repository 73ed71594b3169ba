using System.Text;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Parses inline specs, and lists the corpus, for the parser tests.</summary>
internal static class ParsingTestSupport
{
    public const string SpecPath = "/specs/test.yaml";

    public static ParseResult Parse(string text, string clientName = "Api") =>
        SpecParser.Parse(new SpecInput(SpecPath, text, "Test.Namespace", clientName, "Test"), CancellationToken.None);

    /// <summary>Parses a spec and asserts it produced a model and no warnings or errors (infos allowed).</summary>
    public static ApiModel ParseClean(string text, string clientName = "Api")
    {
        var result = Parse(text, clientName);
        var problems = result.Diagnostics.Where(d => d.Id != "CMU1005").ToList();
        Assert.True(problems.Count == 0, "Unexpected diagnostics:\n" + Describe(problems));
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    /// <summary>
    /// Two parses of the same spec (through different tree readers) agree: the same diagnostics at the same places and
    /// the same model.
    /// </summary>
    public static void AssertSameResult(ParseResult expected, ParseResult actual)
    {
        Assert.Equal(Describe(expected.Diagnostics), Describe(actual.Diagnostics));
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
        Assert.Equal(ModelDump.Write(expected.Model), ModelDump.Write(actual.Model));
        Assert.Equal(expected.Model, actual.Model);
    }

    public static string Describe(IEnumerable<DiagnosticInfo> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var d in diagnostics)
        {
            builder.Append(d.Id).Append(" (").Append(d.Location.StartLine + 1).Append(',').Append(d.Location.StartColumn + 1).Append(") ")
                .Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.ById(d.Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), d.MessageArgs.ToArray<object>()))
                .AppendLine();
        }

        return builder.ToString();
    }

    public static DiagnosticInfo Single(ParseResult result, string id)
    {
        var matches = result.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"Expected one {id}, got:\n" + Describe(result.Diagnostics));
        return matches[0];
    }

    /// <summary>Asserts a diagnostic's zero-based start line and column.</summary>
    public static void AssertAt(DiagnosticInfo diagnostic, int line, int column)
    {
        Assert.Equal(SpecPath, diagnostic.Location.FilePath);
        Assert.True(
            diagnostic.Location.StartLine == line && diagnostic.Location.StartColumn == column,
            $"{diagnostic.Id} expected at ({line},{column}) zero-based, was at ({diagnostic.Location.StartLine},{diagnostic.Location.StartColumn})");
    }

    public static TypeModel Type(ApiModel model, string name)
    {
        var type = model.Types.FirstOrDefault(t => t.Name == name);
        Assert.True(type is not null, $"No type '{name}'; types: {string.Join(", ", model.Types.Select(t => t.Name))}");
        return type!;
    }

    public static PropertyModel Property(TypeModel type, string jsonName)
    {
        var property = type.Properties.FirstOrDefault(p => p.JsonName == jsonName);
        Assert.True(property is not null, $"No property '{jsonName}' in '{type.Name}'");
        return property!;
    }

    public static OperationModel Operation(ApiModel model, string name)
    {
        var operation = model.Clients.SelectMany(c => c.Operations).FirstOrDefault(o => o.Name == name);
        Assert.True(operation is not null, $"No operation '{name}'; operations: {string.Join(", ", model.Clients.SelectMany(c => c.Operations).Select(o => o.Name))}");
        return operation!;
    }

    /// <summary>A minimal 3.0 document with the given YAML appended at the top level (components, paths...).</summary>
    public static string MinimalSpec(string body, string version = "3.0.3") =>
        $"openapi: {version}\ninfo:\n  title: Test\n  version: '1'\n" + body;

    /// <summary>A spec with one GET /x operation (operationId op) plus the given components.</summary>
    public static string WithSchemas(string schemas) =>
        MinimalSpec("paths:\n  /x:\n    get:\n      operationId: op\n      responses:\n        '204':\n          description: ok\ncomponents:\n  schemas:\n" + Indent(schemas, 4));

    /// <summary>A spec whose <c>paths</c> are the given YAML (written at column 0, indented here), plus optional components.</summary>
    public static string WithPaths(string paths, string? components = null, string version = "3.0.3") =>
        MinimalSpec("paths:\n" + Indent(paths, 2) + (components is null ? string.Empty : "components:\n" + Indent(components, 2)), version);

    public static string Indent(string yaml, int spaces)
    {
        var pad = new string(' ', spaces);
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Concat(lines.Select(line => line.Length == 0 ? "\n" : pad + line + "\n"));
    }

    /// <summary>The TypeRef of the single property <paramref name="jsonName"/> of component type <paramref name="typeName"/>.</summary>
    public static string PropertyType(ApiModel model, string typeName, string jsonName) => ModelDump.Ref(Property(Type(model, typeName), jsonName).Type);

    /// <summary>Every corpus file (full paths, sorted by name), then our own spec: the specs the parser tests read whole.</summary>
    public static IEnumerable<string> CorpusAndOurSpec() => TestPaths.CorpusFiles().Append(TestPaths.OurSpecPath);
}
