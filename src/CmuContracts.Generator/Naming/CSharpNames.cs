using System;
using System.Collections.Generic;
using System.Text;

namespace CmuContracts.Generator.Naming;

/// <summary>
/// Spec names to C# identifiers. PascalCase splits on every character that is not a letter or digit
/// and upper-cases the first letter of each word, keeping the capitals already there
/// (<c>client_id</c> -> <c>ClientId</c>, <c>X-Device-Info</c> -> <c>XDeviceInfo</c>, <c>_links</c> -> <c>Links</c>).
/// Two digit groups that were separated stay separated by <c>_</c> so numbers do not merge
/// (<c>duration_0-15</c> -> <c>Duration0_15</c>, not <c>Duration015</c>). A name that starts with a digit
/// gets a leading <c>_</c>; keywords are escaped with <c>@</c> where they can occur (camelCase).
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The words of <paramref name="text"/> joined in PascalCase, without any prefix (may be empty or start with a digit).</summary>
    public static string PascalWords(string text)
    {
        var builder = new StringBuilder(text.Length);
        var wordStart = true;
        var lastWasDigit = false;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                wordStart = true;
                continue;
            }

            var isDigit = char.IsDigit(c);
            if (wordStart)
            {
                if (isDigit && lastWasDigit)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
                wordStart = false;
            }
            else
            {
                builder.Append(c);
            }

            lastWasDigit = isDigit;
        }

        return builder.ToString();
    }

    /// <summary>A PascalCase identifier; <paramref name="fallback"/> when nothing usable remains.</summary>
    public static string Pascal(string text, string fallback = "Value")
    {
        var words = PascalWords(text);
        if (words.Length == 0)
        {
            return fallback;
        }

        return char.IsDigit(words[0]) ? "_" + words : words;
    }

    /// <summary>A camelCase identifier, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Camel(string text, string fallback = "value")
    {
        var words = PascalWords(text);
        if (words.Length == 0)
        {
            return fallback;
        }

        if (char.IsDigit(words[0]))
        {
            return "_" + words;
        }

        return Escape(LowerLeadingCapitals(words, FirstWordLength(text)));
    }

    /// <summary>
    /// Lower-cases the leading capitals the way .NET names acronyms: a first word written in capitals
    /// is lowered whole (<c>AP-Device-Identifier</c> -> <c>apDeviceIdentifier</c>, <c>ID</c> -> <c>id</c>);
    /// inside one word, a run of capitals keeps its last letter when a lower-case letter follows
    /// (<c>XMLHttpRequest</c> -> <c>xmlHttpRequest</c>).
    /// </summary>
    private static string LowerLeadingCapitals(string words, int firstWordLength)
    {
        var run = 0;
        while (run < words.Length && char.IsUpper(words[run]))
        {
            run++;
        }

        if (run >= firstWordLength)
        {
            run = firstWordLength;
        }
        else if (run > 1 && char.IsLower(words[run]))
        {
            run--;
        }

        return words.Substring(0, run).ToLowerInvariant() + words.Substring(run);
    }

    /// <summary>The length of the first word of <paramref name="text"/> (its first run of letters and digits).</summary>
    private static int FirstWordLength(string text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    public static bool IsKeyword(string identifier) => Keywords.Contains(identifier);

    public static string Escape(string identifier) => IsKeyword(identifier) ? "@" + identifier : identifier;

    public static string Unescape(string identifier) => identifier.StartsWith("@", StringComparison.Ordinal) ? identifier.Substring(1) : identifier;

    /// <summary><paramref name="name"/>, or it with the first free numeric suffix (2, 3, ...); the result is added to <paramref name="taken"/>.</summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(Unescape(candidate)); i++)
        {
            candidate = Unescape(name) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
