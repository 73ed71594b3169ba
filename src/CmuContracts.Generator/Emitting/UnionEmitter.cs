using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// oneOf/anyOf as a class with one nullable property per variant plus the raw JSON. Reading tries
/// the variants in declaration order and keeps the first that fits; when none does, only
/// <c>Raw</c> is set. So reading never fails and the choice never depends on anything but the spec.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        var ns = index.Model.Namespace;
        var name = type.Name;
        w.Open("namespace " + ns);
        DocComments.Summary(w, type.Description, "One of several shapes; the property of the shape that was read is set.");
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + ns + ".Internal." + name + "JsonConverter))]");
        w.Open("public sealed partial class " + name);
        foreach (var variant in type.Variants)
        {
            w.Line("/// <summary>Set when the value is a " + DocComments.Escape(CSharpTypes.Of(variant.Type)) + ".</summary>");
            w.Line("public " + CSharpTypes.Of(variant.Type, true) + " " + variant.Name + " { get; init; }");
            w.Line();
        }

        w.Line("/// <summary>The JSON as received (undefined when the value was built in code).</summary>");
        w.Line("public global::System.Text.Json.JsonElement Raw { get; init; }");
        w.Close();
        w.Close();
        w.Line();

        var full = "global::" + ns + "." + name;
        w.Open("namespace " + ns + ".Internal");
        w.Open("internal sealed class " + name + "JsonConverter : GeneratedJsonConverter<" + full + ">");
        // Without a primary constructor: consumers on C# 11 compile this too.
        w.Line("public " + name + "JsonConverter() : base(ReadValue, WriteValue) { }");
        w.Line();
        w.Open("public static " + full + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Line("var element = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
        var i = 0;
        foreach (var variant in type.Variants)
        {
            var test = JsonCode.KindTest(variant.Type, "element", index);
            var read = "static (ref global::System.Text.Json.Utf8JsonReader r0) => " + JsonCode.Read(variant.Type, "r0", 0, index);
            var condition = (test is null ? string.Empty : test + " && ")
                + "JsonValueReader.TryRead<" + CSharpTypes.Of(variant.Type) + ">(element, " + read + ", out var v" + i + ")";
            w.Open("if (" + condition + ")");
            w.Line("return new " + full + " { " + variant.Name + " = v" + i + ", Raw = element };");
            w.Close();
            w.Line();
            i++;
        }

        w.Line("return new " + full + " { Raw = element };");
        w.Close();
        w.Line();
        w.Open("public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + full + " value)");
        w.Open("if (value.Raw.ValueKind != global::System.Text.Json.JsonValueKind.Undefined)");
        w.Line("value.Raw.WriteTo(writer);");
        w.Line("return;");
        w.Close();
        foreach (var variant in type.Variants)
        {
            var access = "value." + variant.Name;
            var unwrapped = CSharpTypes.IsValueType(variant.Type, index) ? access + ".Value" : access;
            w.Line();
            w.Open("if (" + access + " is not null)");
            w.Line(JsonCode.Write(variant.Type, "writer", unwrapped, 0, index));
            w.Line("return;");
            w.Close();
        }

        w.Line();
        w.Line("writer.WriteNullValue();");
        w.Close();
        w.Close();
        w.Close();
    }
}
