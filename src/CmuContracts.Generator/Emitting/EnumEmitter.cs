using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// A string enum as an extensible readonly struct: known values are static properties (and <c>KnownValues</c>, in the
/// spec's order), and any other value the server sends reads fine and round-trips (servers add codes; clients must not
/// break).
/// </summary>
internal static class EnumEmitter
{
    /// <summary>The struct, in the models file.</summary>
    public static void EmitType(SourceWriter w, TypeModel type)
    {
        var name = type.Name;
        DocComments.Summary(w, type.Description, "Known values of " + name + "; other values are kept as they are.");
        w.Line("[", ObjectEmitter.JsonConverterAttribute(type), "]");
        // A record struct: the compiler writes the ordinal equality and operators that every extensible enum needs.
        w.Open("public readonly partial record struct " + name);
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>Wraps any value, known or not.</summary>");
        w.Line("public ", name, "(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in type.EnumMembers)
        {
            w.Line();
            DocComments.Summary(w, member.Description, "The value <c>" + DocComments.Escape(member.Value) + "</c>.");
            w.Line("public static ", name, " ", member.Name, " { get; } = new(", Literals.String(member.Value), ");");
        }

        w.Line();
        w.Line("/// <summary>Every value the spec lists, in its order (a server may send others).</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<", name, "> KnownValues { get; } = new ", name, "[] { "
            + string.Join(", ", type.EnumMembers.Select(m => m.Name)) + " };");
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
            w.Line("public bool IsKnown => Value is ", string.Join(" or ", type.EnumMembers.Select(m => Literals.String(m.Value))), ";");
        }

        w.Line();
        w.Line("public static implicit operator ", name, "(string value) => new(value);");
        w.Line();
        w.Line("public override string ToString() => Value;");
        w.Close();
    }

    /// <summary>Its JSON code, in the models' JSON file.</summary>
    public static void EmitJson(SourceWriter w, TypeModel type)
    {
        var name = type.Name;
        w.Open("partial record struct " + name + " : IJsonModel<" + name + ">");
        w.Line("static ", name, " IJsonModel<", name, ">.Read(ref Utf8JsonReader reader) => new(ReadString(ref reader));");
        w.Line();
        w.Line("static void IJsonModel<", name, ">.Write(Utf8JsonWriter writer, ", name, " value) => writer.WriteStringValue(value.Value);");
        w.Close();
    }
}
