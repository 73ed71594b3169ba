using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// A string enum as an extensible readonly struct: known values are static properties, and any
/// other value the server sends reads fine and round-trips (servers add codes; clients must not break).
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        var ns = index.Model.Namespace;
        var name = type.Name;
        w.Open("namespace " + ns);
        DocComments.Summary(w, type.Description, "Known values of " + name + "; other values are kept as they are.");
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + ns + ".Internal." + name + "JsonConverter))]");
        w.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>Wraps any value, known or not.</summary>");
        w.Open("public " + name + "(string value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.Line("_value = value;");
        w.Close();
        foreach (var member in type.EnumMembers)
        {
            w.Line();
            DocComments.Summary(w, member.Description, "The value <c>" + DocComments.Escape(member.Value) + "</c>.");
            w.Line("public static " + name + " " + member.Name + " { get; } = new(" + Literals.String(member.Value) + ");");
        }

        w.Line();
        w.Line("/// <summary>The value as sent on the wire.</summary>");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Line("/// <summary>True when the value is one the spec lists.</summary>");
        if (type.EnumMembers.Count == 0)
        {
            w.Line("public bool IsKnown => false;");
        }
        else
        {
            w.Line("public bool IsKnown => Value is " + string.Join(" or ", type.EnumMembers.Select(m => Literals.String(m.Value))) + ";");
        }

        w.Line();
        w.Line("public static implicit operator " + name + "(string value) => new(value);");
        w.Line();
        w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        w.Line();
        w.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        w.Line();
        w.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        w.Line();
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("public override string ToString() => Value;");
        w.Close();
        w.Close();
        w.Line();

        var full = "global::" + ns + "." + name;
        w.Open("namespace " + ns + ".Internal");
        w.Open("internal sealed class " + name + "JsonConverter : GeneratedJsonConverter<" + full + ">");
        // Without a primary constructor: consumers on C# 11 compile this too.
        w.Line("public " + name + "JsonConverter() : base(ReadValue, WriteValue) { }");
        w.Line();
        w.Line("public static " + full + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader) => new(JsonValueReader.ReadString(ref reader));");
        w.Line();
        w.Line("public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + full + " value) => writer.WriteStringValue(value.Value);");
        w.Close();
        w.Close();
    }
}
