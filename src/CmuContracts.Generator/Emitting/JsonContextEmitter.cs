using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// A <c>IJsonTypeInfoResolver</c> over the generated types' own readers and writers, so <c>JsonSerializer</c> works with
/// the DTOs in trimmed and native AOT apps (no reflection metadata needed).
/// </summary>
internal static class JsonContextEmitter
{
    /// <summary>
    /// The context file's imports: only the generic <c>JsonTypeInfo&lt;T&gt;</c> is used unqualified, and generated
    /// types are never generic, so none shadows it.
    /// </summary>
    public const string Usings = "using System.Text.Json.Serialization.Metadata;";

    public static void Emit(SourceWriter w, ApiModelIndex index)
    {
        var model = index.Model;
        var name = model.ClientName + "JsonContext";
        w.Line("namespace ", model.Namespace, ";");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Resolves JSON metadata for every type generated from ", DocComments.Escape(model.Title ?? model.ClientName), ", without reflection.");
        w.Line("/// Each type's metadata is the property named after it. Trim- and AOT-safe: <c>JsonSerializer.Deserialize(json, ", name, ".Default.SomeType)</c>; or chain <see cref=\"Default\"/> into your own options.");
        w.Line("/// </summary>");
        w.Open("public sealed partial class " + name + " : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("/// <summary>The shared resolver instance.</summary>");
        w.Line("public static ", name, " Default { get; } = new();");
        w.Line();
        w.Line("/// <summary>Read-only options that use only this resolver.</summary>");
        w.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = CreateOptions();");
        w.Line();
        // One property per type, named after it (documented once, here, rather than on each of thousands). Type names
        // bind to the generated types even where a property has the same name: only types are looked up there.
        foreach (var type in model.Types)
        {
            w.Line("public JsonTypeInfo<", type.Name, "> ", TypeInfoName(type.Name), " => TypeInfoOf<", type.Name, ">();");
        }

        w.Line();

        w.Line("/// <inheritdoc/>");
        w.Open("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        // One line per type: a lookup table, in the order the types are generated.
        foreach (var type in model.Types)
        {
            w.Line("if (type == typeof(", type.Name, ")) return Info<", type.Name, ">(options);");
        }

        w.Line();
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line("private static JsonTypeInfo<T> TypeInfoOf<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));");
        w.Line();
        w.Line("private static JsonTypeInfo<T> Info<T>(global::System.Text.Json.JsonSerializerOptions options) where T : Internal.IJsonModel<T> =>");
        w.Line("    Internal.GeneratedJson.Create<T>(options);");
        w.Line();
        w.Open("private static global::System.Text.Json.JsonSerializerOptions CreateOptions()");
        w.Line("var options = new global::System.Text.Json.JsonSerializerOptions { TypeInfoResolver = Default };");
        w.Line("options.MakeReadOnly();");
        w.Line("return options;");
        w.Close();
        w.Close();
    }

    /// <summary>The property is named after the type, unless that would clash with the context's own members.</summary>
    internal static string TypeInfoName(string typeName) =>
        typeName is "Default" or "Options" or "GetTypeInfo" or "CreateOptions" or "TypeInfoOf" or "Info" or "Equals" or "GetHashCode" or "GetType" or "ToString" or "MemberwiseClone"
            ? typeName + "TypeInfo"
            : typeName;
}
