using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// An object schema: an immutable DTO (required properties use C# <c>required</c>; optional ones are
/// nullable) and its reflection-free reader and writer over <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>.
/// </summary>
internal static class ObjectEmitter
{
    private const string AdditionalMap = "Dictionary<string, ";

    /// <summary>The DTO, in the models file (namespace <c>{Namespace}</c>).</summary>
    public static void EmitType(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        DocComments.Summary(w, type.Description);
        w.Line("[", JsonConverterAttribute(type), "]");
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
            DocComments.Summary(w, description, string.IsNullOrWhiteSpace(description) ? "The <c>" + DocComments.Escape(property.JsonName) + "</c> property." : null);
            if (index.IsFormBody(type.Name))
            {
                // Refit's form serializer names fields from [JsonPropertyName]; JSON itself goes through the converter.
                w.Line("[JsonPropertyName(", Literals.String(property.JsonName), ")]");
            }

            w.Line(property.IsRequired ? "public required " : "public ", PropertyType(property), " ", property.Name, " { get; init; }");
        }

        if (type.AdditionalProperties is { } extra)
        {
            if (!first)
            {
                w.Line();
            }

            w.Line("/// <summary>Properties the spec does not name, as received.</summary>");
            w.Line("public IReadOnlyDictionary<string, ", CSharpTypes.Of(extra, extra.IsNullable), ">? AdditionalProperties { get; init; }");
        }

        w.Close();
    }

    /// <summary>
    /// The attribute that gives System.Text.Json the generated code for a type, also where our context is not used
    /// (the converter asks the context for the type's reader and writer).
    /// </summary>
    public static string JsonConverterAttribute(TypeModel type) =>
        "JsonConverter(typeof(Internal.GeneratedJsonConverter<" + type.Name + ">))";

    /// <summary>The models file's imports: the attributes by short names (reserved, so no schema takes them).</summary>
    public static readonly string[] Usings =
    {
        "using JsonConverter = global::System.Text.Json.Serialization.JsonConverterAttribute;",
        "using JsonPropertyName = global::System.Text.Json.Serialization.JsonPropertyNameAttribute;",
    };

    /// <summary>Optional properties are nullable (absent on the wire); required ones only when the schema says so.</summary>
    public static string PropertyType(PropertyModel property) => CSharpTypes.Of(property.Type, !property.IsRequired);

    /// <summary>
    /// The type's own JSON code, in the models' JSON file: <c>IJsonModel&lt;T&gt;</c>, implemented explicitly. It reads
    /// through a private constructor that sets the properties as it meets them (no copy of each in a local and then in
    /// an object initializer, which is most of what a reader costs to compile).
    /// </summary>
    public static void EmitJson(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        var name = type.Name;
        w.Open("partial class " + name + " : IJsonModel<" + name + ">");
        // Declaring the reading constructor removes the implicit public one, which every model has.
        w.Line("public ", name, "() { }");
        w.Line();
        EmitReadingConstructor(w, type, index);
        w.Line();
        w.Line("static ", name, " IJsonModel<", name, ">.Read(ref Utf8JsonReader reader) => new(ref reader);");
        w.Line();
        EmitWrite(w, type, index);
        w.Close();
    }

    private static void EmitReadingConstructor(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        if (type.Properties.Any(p => p.IsRequired))
        {
            w.Line("[SetsRequiredMembers]");
        }

        w.Open("private " + type.Name + "(ref Utf8JsonReader reader)");
        w.Line("StartObject(ref reader, ", Literals.String(type.Name), ");");
        foreach (var p in type.Properties)
        {
            if (TracksPresence(p, index))
            {
                w.Line("var has_", p.Name, " = false;");
            }
        }

        var extra = type.AdditionalProperties;
        if (extra is not null)
        {
            w.Line(AdditionalMap, CSharpTypes.Of(extra, extra.IsNullable), ">? p_additional = null;");
        }

        w.Open("while (NextProperty(ref reader))");
        var keyword = "if";
        foreach (var p in type.Properties)
        {
            // One line per property: the call moves to the value and reads it (a JSON null reads as null).
            w.Line(keyword, " (IsProperty(ref reader, ", Literals.Utf8(p.JsonName), ")) ", Assignment(p, index));
            keyword = "else if";
        }

        if (extra is not null)
        {
            w.Open(type.Properties.Count > 0 ? "else" : "// Every property is kept.");
            w.Line("var name = ReadText(ref reader);");
            w.Line("reader.Read();");
            w.Line("p_additional ??= new();");
            w.Line("p_additional[name] = ", JsonCode.ReadMaybeNull(extra, "reader", 0, index, JsonScope.ModelJson), ";");
            w.Close();
        }
        else
        {
            w.Line((type.Properties.Count > 0 ? "else " : string.Empty) + "SkipValue(ref reader);");
        }

        w.Close();
        foreach (var p in type.Properties)
        {
            if (p.IsRequired && index.Options.StrictRequired)
            {
                // A non-nullable required property is missing when absent or null; a nullable one only when absent.
                w.Line();
                w.Open("if (" + (TracksPresence(p, index) ? "!has_" + p.Name : p.Name + " is null") + ")");
                w.Line("throw MissingRequired(", Literals.String(type.Name), ", ", Literals.String(p.JsonName), ");");
                w.Close();
            }
        }

        if (extra is not null)
        {
            w.Line();
            w.Line("AdditionalProperties = p_additional;");
        }

        w.Close();
    }

    /// <summary>The statement that sets a property from the value after its name.</summary>
    private static string Assignment(PropertyModel p, ApiModelIndex index)
    {
        var next = NextValue(p.Type, index);
        if (!p.IsRequired || p.Type.IsNullable)
        {
            // Optional, or required and nullable: a JSON null is null.
            var assign = p.Name + " = " + next + ";";
            return TracksPresence(p, index) ? "{ " + assign + " has_" + p.Name + " = true; }" : assign;
        }

        if (!CSharpTypes.IsValueType(p.Type, index))
        {
            return p.Name + " = " + next + "!;";
        }

        // A required non-nullable struct: a JSON null reads as its default (and, when strict, as missing).
        return TracksPresence(p, index)
            ? "{ var v = " + next + "; " + p.Name + " = v.GetValueOrDefault(); has_" + p.Name + " = v is not null; }"
            : p.Name + " = " + next + ".GetValueOrDefault();";
    }

    /// <summary>The runtime call that reads a property's value from its name onwards (null for a JSON null).</summary>
    private static string NextValue(TypeRef type, ApiModelIndex index) => type.Kind switch
    {
        TypeKind.Array => "NextList" + JsonCode.ItemArgument(type) + "(ref reader, " + JsonCode.ItemReader(type, 0, index, JsonScope.ModelJson) + ")",
        TypeKind.Map => "NextMap" + JsonCode.ItemArgument(type) + "(ref reader, " + JsonCode.ItemReader(type, 0, index, JsonScope.ModelJson) + ")",
        TypeKind.Named => (CSharpTypes.IsValueType(type, index) ? "NextValue<" : "Next<") + type.Name + ">(ref reader)",
        _ => "Next" + JsonCode.MethodName(type) + "(ref reader)",
    };

    /// <summary>Writes a property in one runtime call, which skips it when it has no value.</summary>
    private static void WritePropertyCall(SourceWriter w, PropertyModel p, string access, ApiModelIndex index)
    {
        var name = Literals.Utf8(p.JsonName);
        var valueType = CSharpTypes.IsValueType(p.Type, index);
        if (JsonCode.ScalarPropertyWriter(p.Type) is { } scalar)
        {
            w.Line(scalar, "(writer, ", name, ", ", access, ");");
            return;
        }

        if (p.Type.Kind == TypeKind.Named)
        {
            w.Line(valueType ? "WriteValueProperty" + StructArgument(p) + "(writer, " : "WriteProperty(writer, ", name, ", ", access, ");");
            return;
        }

        var method = p.Type.Kind switch
        {
            TypeKind.Array => "WriteListProperty" + JsonCode.ItemArgument(p.Type),
            TypeKind.Map => "WriteMapProperty" + JsonCode.ItemArgument(p.Type),
            _ => valueType ? "WriteValueProperty" + StructArgument(p) : "WriteProperty",
        };
        var write = p.Type.Kind is TypeKind.Array or TypeKind.Map
            ? JsonCode.ItemWriter(p.Type, 0, index, JsonScope.ModelJson)
            : JsonCode.ValueWriter(p.Type with { IsNullable = false }, 0, index, JsonScope.ModelJson);
        w.Line(method, "(writer, ", name, ", ", access, ", ", write + ");");
    }

    /// <summary>A required non-nullable struct gives the compiler no <c>T?</c> to infer <c>T</c> from: it is named.</summary>
    private static string StructArgument(PropertyModel p) =>
        p.IsRequired && !p.Type.IsNullable ? "<" + CSharpTypes.Of(p.Type) + ">" : string.Empty;

    /// <summary>
    /// Strict required properties whose C# value cannot show "missing" need a flag: nullable ones (to tell "absent"
    /// from "null") and non-nullable structs.
    /// </summary>
    private static bool TracksPresence(PropertyModel p, ApiModelIndex index) =>
        p.IsRequired && index.Options.StrictRequired && (p.Type.IsNullable || CSharpTypes.IsValueType(p.Type, index));

    private static void EmitWrite(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        w.Open("static void IJsonModel<" + type.Name + ">.Write(Utf8JsonWriter writer, " + type.Name + " value)");
        w.Line("writer.WriteStartObject();");
        foreach (var p in type.Properties)
        {
            var access = "value." + p.Name;
            if (!p.IsRequired || !p.Type.IsNullable)
            {
                // A required non-nullable value is never null, so the same one call writes it.
                WritePropertyCall(w, p, access, index);
            }
            else
            {
                // Required but nullable: always present, possibly null.
                var unwrapped = CSharpTypes.IsValueType(p.Type, index) ? access + ".Value" : access;
                w.Line("writer.WritePropertyName(", Literals.Utf8(p.JsonName), ");");
                w.Line("if (", access, " is null) writer.WriteNullValue();");
                w.Line("else " + JsonCode.Write(p.Type, "writer", unwrapped, 0, index, JsonScope.ModelJson));
            }
        }

        if (type.AdditionalProperties is { } extra)
        {
            w.Open("if (value.AdditionalProperties is not null)");
            w.Open("foreach (var pair in value.AdditionalProperties)");
            w.Line("writer.WritePropertyName(pair.Key);");
            w.Line(JsonCode.WriteMaybeNull(extra, "writer", "pair.Value", 0, index, JsonScope.ModelJson));
            w.Close();
            w.Close();
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }
}
