using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// oneOf/anyOf as a class with one nullable property per variant plus the raw JSON. With a discriminator, the
/// value of its property picks the variant (<see cref="DiscriminatedUnions"/>). Otherwise, or when that value is
/// unknown or its variant does not fit, reading tries the variants in declaration order and keeps the first that
/// fits; when none does, only <c>Raw</c> is set. So reading never fails and the choice never depends on anything
/// but the spec and the document.
/// </summary>
internal static class UnionEmitter
{
    /// <summary>The class, in the models file.</summary>
    public static void EmitType(SourceWriter w, TypeModel type)
    {
        var name = type.Name;
        DocComments.Summary(w, type.Description, "One of several shapes; the property of the shape that was read is set.");
        w.Line("[", ObjectEmitter.JsonConverterAttribute(type), "]");
        w.Open("public sealed partial class " + name);
        foreach (var variant in type.Variants)
        {
            w.Line("/// <summary>Set when the value is a ", DocComments.Escape(CSharpTypes.Of(variant.Type)), ".</summary>");
            w.Line("public ", CSharpTypes.Of(variant.Type, true), " ", variant.Name, " { get; init; }");
            w.Line();
        }

        w.Line("/// <summary>The JSON as received (undefined when the value was built in code).</summary>");
        w.Line("public global::System.Text.Json.JsonElement Raw { get; init; }");
        w.Close();
    }

    /// <summary>Its JSON code, in the models' JSON file.</summary>
    public static void EmitJson(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        var name = type.Name;
        w.Open("partial class " + name + " : IJsonModel<" + name + ">");
        w.Open("static " + name + " IJsonModel<" + name + ">.Read(ref Utf8JsonReader reader)");
        w.Line("var element = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
        DiscriminatedUnions.EmitRead(w, type, index);
        var i = 0;
        foreach (var variant in type.Variants)
        {
            var test = JsonCode.KindTest(variant.Type, "element", index);
            var condition = (test is null ? string.Empty : test + " && ")
                + "TryRead<" + CSharpTypes.Of(variant.Type) + ">(element, " + JsonCode.ValueReader(variant.Type with { IsNullable = false }, 0, index, JsonScope.ModelJson) + ", out var v" + i + ")";
            w.Open("if (" + condition + ")");
            w.Line("return new " + name + " { " + variant.Name + " = v" + i + ", Raw = element };");
            w.Close();
            w.Line();
            i++;
        }

        w.Line("return new ", name, " { Raw = element };");
        w.Close();
        w.Line();
        w.Open("static void IJsonModel<" + name + ">.Write(Utf8JsonWriter writer, " + name + " value)");
        w.Open("if (value.Raw.ValueKind != JsonValueKind.Undefined)");
        w.Line("value.Raw.WriteTo(writer);");
        w.Line("return;");
        w.Close();
        foreach (var variant in type.Variants)
        {
            var access = "value." + variant.Name;
            var unwrapped = CSharpTypes.IsValueType(variant.Type, index) ? access + ".Value" : access;
            w.Line();
            w.Open("if (" + access + " is not null)");
            w.Line(DiscriminatedUnions.Write(type, variant, unwrapped, index) ?? JsonCode.Write(variant.Type, "writer", unwrapped, 0, index, JsonScope.ModelJson));
            w.Line("return;");
            w.Close();
        }

        w.Line();
        w.Line("writer.WriteNullValue();");
        w.Close();
        w.Close();
    }
}
