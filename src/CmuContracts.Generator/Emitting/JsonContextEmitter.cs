using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// A <c>IJsonTypeInfoResolver</c> over the generated converters, so <c>JsonSerializer</c> works with
/// the DTOs in trimmed and native AOT apps (no reflection metadata needed).
/// </summary>
internal static class JsonContextEmitter
{
    public static void Emit(SourceWriter w, ApiModelIndex index)
    {
        var model = index.Model;
        var name = model.ClientName + "JsonContext";
        w.Line("namespace " + model.Namespace + ";");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Resolves JSON metadata for every type generated from " + DocComments.Escape(model.Title ?? model.ClientName) + ", without reflection.");
        w.Line("/// Trim- and AOT-safe: <c>JsonSerializer.Deserialize(json, " + name + ".Default.SomeType)</c>; or chain <see cref=\"Default\"/> into your own options.");
        w.Line("/// </summary>");
        w.Open("public sealed partial class " + name + " : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("/// <summary>The shared resolver instance.</summary>");
        w.Line("public static " + name + " Default { get; } = new();");
        w.Line();
        w.Line("/// <summary>Read-only options that use only this resolver.</summary>");
        w.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = CreateOptions();");
        w.Line();
        foreach (var type in model.Types)
        {
            var full = "global::" + model.Namespace + "." + type.Name;
            w.Line("/// <summary>Metadata for <see cref=\"" + full + "\"/>.</summary>");
            w.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + full + "> " + TypeInfoName(type.Name) + " => TypeInfoOf<" + full + ">();");
            w.Line();
        }

        w.Line("/// <inheritdoc/>");
        w.Open("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        // One line per type: a lookup table, in the order the types are generated.
        foreach (var type in model.Types)
        {
            w.Line("if (type == typeof(global::" + model.Namespace + "." + type.Name + ")) return ValueInfo(options, new global::" + model.Namespace + ".Internal." + type.Name + "JsonConverter());");
        }

        w.Line();
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line("private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfoOf<T>() =>");
        w.Line("    (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));");
        w.Line();
        w.Line("private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> ValueInfo<T>(global::System.Text.Json.JsonSerializerOptions options, global::System.Text.Json.Serialization.JsonConverter<T> converter) =>");
        w.Line("    global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, converter);");
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
        typeName is "Default" or "Options" or "GetTypeInfo" or "CreateOptions" or "TypeInfoOf" or "ValueInfo" or "Equals" or "GetHashCode" or "GetType" or "ToString" or "MemberwiseClone"
            ? typeName + "TypeInfo"
            : typeName;
}
