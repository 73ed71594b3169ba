using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// An object schema: an immutable DTO (required properties use C# <c>required</c>; optional ones are
/// nullable) and its reflection-free <c>JsonConverter</c> that reads with <c>Utf8JsonReader</c>.
/// </summary>
internal static class ObjectEmitter
{
    private const string AdditionalMap = "global::System.Collections.Generic.Dictionary<string, ";

    public static void Emit(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        var ns = index.Model.Namespace;
        w.Open("namespace " + ns);
        DocComments.Summary(w, type.Description);
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + ns + ".Internal." + type.Name + "JsonConverter))]");
        w.Open("public sealed partial class " + type.Name);
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            // A $ref'd enum carries its description on the schema, not on the property.
            var description = property.Description ?? (index.Find(property.Type.Name) is { Kind: TypeModelKind.Enum } e ? e.Description : null);
            DocComments.Summary(w, description, "The <c>" + DocComments.Escape(property.JsonName) + "</c> property.");
            if (index.IsFormBody(type.Name))
            {
                // Refit's form serializer names fields from [JsonPropertyName]; JSON itself goes through the converter.
                w.Line("[global::System.Text.Json.Serialization.JsonPropertyName(" + Literals.String(property.JsonName) + ")]");
            }

            w.Line("public " + (property.IsRequired ? "required " : string.Empty) + PropertyType(property) + " " + property.Name + " { get; init; }");
        }

        if (type.AdditionalProperties is { } extra)
        {
            if (!first)
            {
                w.Line();
            }

            w.Line("/// <summary>Properties the spec does not name, as received.</summary>");
            w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, " + CSharpTypes.Of(extra, extra.IsNullable) + ">? AdditionalProperties { get; init; }");
        }

        w.Close();
        w.Close();
        w.Line();
        EmitConverter(w, type, index);
    }

    /// <summary>Optional properties are nullable (absent on the wire); required ones only when the schema says so.</summary>
    public static string PropertyType(PropertyModel property) => CSharpTypes.Of(property.Type, !property.IsRequired);

    private static void EmitConverter(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        var ns = index.Model.Namespace;
        var full = "global::" + ns + "." + type.Name;
        w.Open("namespace " + ns + ".Internal");
        w.Open("internal sealed class " + type.Name + "JsonConverter : GeneratedJsonConverter<" + full + ">");
        // Without a primary constructor: consumers on C# 11 compile this too.
        w.Line("public " + type.Name + "JsonConverter() : base(ReadValue, WriteValue) { }");
        w.Line();
        EmitRead(w, type, index, full);
        w.Line();
        EmitWrite(w, type, index, full);
        w.Close();
        w.Close();
    }

    private static void EmitRead(SourceWriter w, TypeModel type, ApiModelIndex index, string full)
    {
        w.Open("public static " + full + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
        w.Line("throw JsonValueReader.Unexpected(ref reader, " + Literals.String("an object (" + type.Name + ")") + ");");
        w.Close();
        w.Line();
        foreach (var p in type.Properties)
        {
            w.Line(CSharpTypes.Of(p.Type, true) + " p_" + p.Name + " = default;");
            if (TracksPresence(p, index))
            {
                w.Line("var has_" + p.Name + " = false;");
            }
        }

        var extra = type.AdditionalProperties;
        if (extra is not null)
        {
            w.Line(AdditionalMap + CSharpTypes.Of(extra, extra.IsNullable) + ">? p_additional = null;");
        }

        w.Open("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        var keyword = "if";
        foreach (var p in type.Properties)
        {
            w.Open(keyword + " (reader.ValueTextEquals(" + Literals.Utf8(p.JsonName) + "))");
            w.Line("reader.Read();");
            // A JSON null leaves the property unset (null), whatever the schema says.
            var none = CSharpTypes.IsValueType(p.Type, index) ? "default(" + CSharpTypes.Of(p.Type, true) + ")" : "null";
            w.Line("p_" + p.Name + " = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? " + none + " : " + JsonCode.Read(p.Type, "reader", 0, index) + ";");
            if (TracksPresence(p, index))
            {
                w.Line("has_" + p.Name + " = true;");
            }

            w.Close();
            keyword = "else if";
        }

        if (type.Properties.Count > 0)
        {
            w.Open("else");
        }
        else
        {
            w.Line("{").Indent();
        }

        if (extra is not null)
        {
            w.Line("var name = JsonValueReader.ReadText(ref reader);");
            w.Line("reader.Read();");
            w.Line("p_additional ??= new();");
            w.Line("p_additional[name] = " + JsonCode.ReadMaybeNull(extra, "reader", 0, index) + ";");
        }
        else
        {
            w.Line("// Unknown properties are skipped: servers may add fields.");
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
        }

        w.Close();
        w.Close();
        w.Line();
        foreach (var p in type.Properties)
        {
            if (p.IsRequired && index.Options.StrictRequired)
            {
                // A non-nullable required property is missing when absent or null; a nullable one only when absent.
                w.Open("if (" + (TracksPresence(p, index) ? "!has_" + p.Name : "p_" + p.Name + " is null") + ")");
                w.Line("throw JsonValueReader.MissingRequired(" + Literals.String(type.Name) + ", " + Literals.String(p.JsonName) + ");");
                w.Close();
                w.Line();
            }
        }

        w.Open("return new " + full);
        foreach (var p in type.Properties)
        {
            var value = "p_" + p.Name;
            if (p.IsRequired && !p.Type.IsNullable)
            {
                value += CSharpTypes.IsValueType(p.Type, index) ? ".GetValueOrDefault()" : "!";
            }

            w.Line(p.Name + " = " + value + ",");
        }

        if (extra is not null)
        {
            w.Line("AdditionalProperties = p_additional,");
        }

        w.Close(";");
        w.Close();
    }

    private static void WriteProperty(SourceWriter w, PropertyModel p, string value, ApiModelIndex index)
    {
        var name = Literals.Utf8(p.JsonName);
        if (JsonCode.WriteScalarProperty(p.Type, "writer", name, value) is { } scalar)
        {
            w.Line(scalar);
            return;
        }

        w.Line("writer.WritePropertyName(" + name + ");");
        w.Line(JsonCode.Write(p.Type, "writer", value, 0, index));
    }

    /// <summary>Strict required properties that may be null need a flag to tell "absent" from "null".</summary>
    private static bool TracksPresence(PropertyModel p, ApiModelIndex index) =>
        p.IsRequired && p.Type.IsNullable && index.Options.StrictRequired;

    private static void EmitWrite(SourceWriter w, TypeModel type, ApiModelIndex index, string full)
    {
        w.Open("public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + full + " value)");
        w.Line("writer.WriteStartObject();");
        foreach (var p in type.Properties)
        {
            var access = "value." + p.Name;
            var nullable = !p.IsRequired || p.Type.IsNullable;
            if (!nullable)
            {
                WriteProperty(w, p, access, index);
                continue;
            }

            var unwrapped = CSharpTypes.IsValueType(p.Type, index) ? access + ".Value" : access;
            if (p.IsRequired)
            {
                // Required but nullable: always present, possibly null.
                w.Line("writer.WritePropertyName(" + Literals.Utf8(p.JsonName) + ");");
                w.Open("if (" + access + " is null)").Line("writer.WriteNullValue();").Close();
                w.Open("else").Line(JsonCode.Write(p.Type, "writer", unwrapped, 0, index)).Close();
            }
            else
            {
                w.Open("if (" + access + " is not null)");
                WriteProperty(w, p, unwrapped, index);
                w.Close();
            }
        }

        if (type.AdditionalProperties is { } extra)
        {
            w.Open("if (value.AdditionalProperties is not null)");
            w.Open("foreach (var pair in value.AdditionalProperties)");
            w.Line("writer.WritePropertyName(pair.Key);");
            w.Line(JsonCode.WriteMaybeNull(extra, "writer", "pair.Value", 0, index));
            w.Close();
            w.Close();
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }
}
