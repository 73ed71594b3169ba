using System;
using System.IO;
using System.Text;

namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>
/// The generated runtime's source: the .cs files of CmuContracts.Generator.Runtime (compiled and analysed there),
/// embedded in this assembly and read once. Each starts with <c>namespace SpecNamespace…;</c>; the emitter puts the
/// spec's namespace in the placeholder's place.
/// </summary>
internal static class RuntimeSources
{
    /// <summary>The namespace the helpers are written in; the emitter writes the spec's in its place.</summary>
    public const string PlaceholderNamespace = "SpecNamespace";

    public static readonly string ApiRequestOptions = Read("ApiRequestOptions");
    public static readonly string ApiOperation = Read("ApiOperation");
    public static readonly string ApiParameter = Read("ApiParameter");
    public static readonly string ApiServer = Read("ApiServer");
    public static readonly string EventStreamReader = Read("EventStreamReader");
    public static readonly string GeneratedJson = Read("GeneratedJson");
    public static readonly string JsonValueReader = Read("JsonValueReader");
    public static readonly string JsonValueWriter = Read("JsonValueWriter");
    public static readonly string QueryConverters = Read("QueryConverters");
    public static readonly string ReservedQueryConverters = Read("ReservedQueryConverters");

    /// <summary>The helper's text in <paramref name="specNamespace"/> (the placeholder in its first line replaced).</summary>
    public static string InNamespace(string source, string specNamespace)
    {
        const string Prefix = "namespace " + PlaceholderNamespace;
        if (!source.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A runtime helper must start with its namespace line (" + Prefix + "...;).");
        }

        return "namespace " + specNamespace + source.Substring(Prefix.Length);
    }

    private static string Read(string name)
    {
        var resource = "CmuContracts.Generator.Runtime." + name + ".cs";
        using var stream = typeof(RuntimeSources).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The generator assembly lacks its embedded runtime helper " + resource + ".");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
