using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Naming;

/// <summary>
/// Spells out the comparison operator some APIs append to a parameter's wire name
/// (<c>DateSent&lt;</c>, <c>DateSent&gt;=</c>, <c>status!</c>), so the parameters of one field get names
/// that say what they mean (<c>dateSentBefore</c>, <c>dateSentOnOrAfter</c>, <c>statusNot</c>) instead of
/// <c>dateSent2</c> and <c>dateSent3</c>. Dates and times read as before/after, anything else as
/// less/greater than.
/// </summary>
internal static class OperatorWords
{
    public static string Spell(string wireName, TypeRef type)
    {
        var end = wireName.Length;
        while (end > 0 && wireName[end - 1] is '<' or '>' or '=' or '!')
        {
            end--;
        }

        if (end == 0 || end == wireName.Length)
        {
            return wireName;
        }

        var temporal = (type.Kind == TypeKind.Array && type.Item is { } item ? item.Kind : type.Kind) is TypeKind.Date or TypeKind.DateTime;
        var words = wireName.Substring(end) switch
        {
            "<" => temporal ? "Before" : "LessThan",
            ">" => temporal ? "After" : "GreaterThan",
            "<=" or "=<" => temporal ? "OnOrBefore" : "AtMost",
            ">=" or "=>" => temporal ? "OnOrAfter" : "AtLeast",
            "!" or "!=" => "Not",
            _ => null,
        };

        return words is null ? wireName : wireName.Substring(0, end) + " " + words;
    }
}
