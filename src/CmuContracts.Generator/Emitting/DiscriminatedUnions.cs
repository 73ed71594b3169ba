using System.Globalization;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// The discriminator of a oneOf/anyOf in its JSON code: reading switches on the discriminator property's string value
/// to the variant it names (before the declaration-order fallback); writing a variant built in code adds the
/// property with the variant's first value when the variant's own JSON lacks it. No reflection: the generated
/// readers and writers do the rest.
/// </summary>
internal static class DiscriminatedUnions
{
    public static void EmitRead(SourceWriter w, TypeModel type, ApiModelIndex index)
    {
        if (type.Discriminator is null || type.Variants.All(v => v.DiscriminatorValues.IsEmpty))
        {
            return;
        }

        w.Open("if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(" + Literals.String(type.Discriminator) + ", out var discriminator) && discriminator.ValueKind == JsonValueKind.String)");
        w.Open("switch (discriminator.GetString())");
        var i = 0;
        foreach (var variant in type.Variants)
        {
            if (variant.DiscriminatorValues.IsEmpty)
            {
                continue;
            }

            foreach (var value in variant.DiscriminatorValues)
            {
                w.Line("case ", Literals.String(value), ":");
            }

            var d = "d" + i.ToString(CultureInfo.InvariantCulture);
            w.Indent();
            w.Open("if (TryRead<" + CSharpTypes.Of(variant.Type) + ">(element, " + JsonCode.ValueReader(variant.Type with { IsNullable = false }, 0, index, JsonScope.ModelJson) + ", out var " + d + "))");
            w.Line("return new " + type.Name + " { " + variant.Name + " = " + d + ", Raw = element };");
            w.Close();
            w.Line();
            w.Line("break;");
            w.Unindent();
            i++;
        }

        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>The statement writing a variant with its discriminator, or null when the union has none for it.</summary>
    public static string? Write(TypeModel type, UnionVariantModel variant, string value, ApiModelIndex index) =>
        type.Discriminator is null || variant.DiscriminatorValues.IsEmpty
            ? null
            : "WriteDiscriminated(writer, " + value + ", " + JsonCode.ValueWriter(variant.Type with { IsNullable = false }, 0, index, JsonScope.ModelJson) + ", "
                + Literals.String(type.Discriminator) + ", " + Literals.String(variant.DiscriminatorValues[0]) + ");";
}
