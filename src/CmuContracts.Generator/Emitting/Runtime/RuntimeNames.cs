using System.Collections.Generic;
using System.Text.RegularExpressions;
using CmuContracts.Generator.Parsing;

namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>
/// The names generated JSON code uses unqualified: the runtime's types, and the reader's and writer's members (the
/// models' JSON file imports them with <c>using static</c>, and its code runs inside each model). No schema, property,
/// union variant or enum value may take one, or it would shadow the helper; read from the templates, so the list
/// cannot fall behind them.
/// </summary>
internal static class RuntimeNames
{
    /// <summary>
    /// Helpers generated code calls only with type arguments (<c>Next&lt;Pet&gt;(ref reader)</c>): a lookup with type
    /// arguments skips non-generic members and types, so a property named <c>Next</c> (a common one) shadows nothing.
    /// </summary>
    private static readonly string[] CalledWithTypeArguments = { "Next", "NextValue", "ReadModel" };

    // After the list above: static fields are initialized in order.
    private static readonly HashSet<string> Helpers = Members(RuntimeTemplates.JsonValueReader + RuntimeTemplates.JsonValueWriter);

    public static IEnumerable<string> HelperMembers => Helpers;

    public static readonly IReadOnlyList<string> Types = new[]
    {
        "JsonRead", "IJsonModel", "JsonModel", "GeneratedJsonConverter", "JsonValueConverter", "GeneratedJson",
        "JsonValueReader", "JsonValueWriter", "SetsRequiredMembers",
    };

    /// <summary>
    /// <see cref="CSharpNames.MakeUnique"/> for a member of a generated type, whose JSON code runs inside it: a
    /// helper's name is taken first, so the member is numbered (<c>NextString2</c>).
    /// </summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        if (Helpers.Contains(name))
        {
            taken.Add(name);
        }

        return CSharpNames.MakeUnique(name, taken);
    }

    private static HashSet<string> Members(string templates)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (Match match in Regex.Matches(templates, @"^\s+public static [^=(]*?\b(\w+)\s*(?:<[^>]*>)?\(", RegexOptions.Multiline))
        {
            names.Add(match.Groups[1].Value);
        }

        names.ExceptWith(CalledWithTypeArguments);
        return names;
    }
}
