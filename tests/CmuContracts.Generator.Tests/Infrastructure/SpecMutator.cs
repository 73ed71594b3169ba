using System.Text;
using System.Text.RegularExpressions;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Deterministic structural and byte-level mutations of YAML spec text, for the fuzz test. Each mutation is named
/// so a failing case can say how it was made.
/// </summary>
internal static partial class SpecMutator
{
    private static readonly string[] InterestingText =
    {
        "\u2028", "\u2029", "\u0085", "\0", "\t", "\r", "\u200B", "\uFEFF", "\U0001F600", "é", "ß", "İ", "\u202E", "\"", "'", "\\",
        "{", "}", "[", "]", "<", ">", "&", "*/", "/*", "#", "@", "`", "?", ":", "- ", "&anchor ", "*anchor", "!!binary ", "|", ">-", "%",
        "\uD800", "\uDFFF", "\u00A0", "ǅ", "٣", "\u0301",
    };

    private static readonly string[] WeirdNames =
    {
        "class", "123", "a-b", "\"\"", "__", "Ünïcödé", "@x", "System", "Task", "ApiResponse", "ApiException", "String", "Equals",
        "GetHashCode", "ToString", "Value", "Raw", "object", "default", "global", "var", "value", "reader", "writer", "options",
        "cancellationToken", "request", "response", "_", "Default", "Options", "GetTypeInfo", "CreateOptions", "a.b", "x y", "\"\u2028\"", "'*/ // \u0085 x'", "Item", "Error",
    };

    private static readonly string[] WrongValues =
    {
        "42", "-1", "3.5", "true", "null", "~", "\"\"", "[]", "{}", "[1, 2]", "{ a: 1 }", "[{ $ref: '#/nope' }]", "'#/components'",
        "{ $ref: '#/components/schemas' }", "{ $ref: '#/paths' }", "{ $ref: '#' }", "[[]]", "{ type: [string, 'null'] }", "{ type: 7 }",
        "\"x\\u2028y = 1;\"", "\"x\\ry\"", "\"x\\Ly\"", "\"x\\Py\"", "\"x\\Ny\"", "\"x\\ty\\0\"",
        "99999999999999999999999", "1e400", ".nan", "2025-01-01", "!!str", "{ enum: [] }", "{ allOf: [ {} ] }", "{ oneOf: [] }",
    };

    private static readonly string[] EscapedTexts =
    {
        "\"a\\u2028b = 1;\"", "\"a\\rb\"", "\"a\\Nb\"", "\"a\\Lb\"", "\"a\\Pb\"", "\"*/ a\\u0085 b\"", "\"a\\tb\\0c\"",
        "\"</summary> <b\\u2029\"", "\"\\\" \\\\ {0}\"",
    };

    public static (string Text, string Description) Mutate(string text, Random random)
    {
        var count = 1 + random.Next(3);
        var steps = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (mutated, name) = MutateOnce(text, random);
            text = mutated;
            steps.Add(name);
        }

        return (text, string.Join(", ", steps));
    }

    private static (string, string) MutateOnce(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(11))
        {
            case 0:
            {
                var at = random.Next(text.Length + 1);
                return (text[..at], $"truncate at {at}");
            }

            case 1:
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length == 0)
                {
                    return (text, "byte flip (empty)");
                }

                var at = random.Next(bytes.Length);
                var bit = random.Next(8);
                bytes[at] ^= (byte)(1 << bit);
                return (Encoding.UTF8.GetString(bytes), $"flip bit {bit} of byte {at}");
            }

            case 2:
            {
                var at = random.Next(lines.Count);
                lines.RemoveAt(at);
                return (string.Join('\n', lines), $"delete line {at}");
            }

            case 3:
            {
                var at = RandomKeyLine(lines, random);
                if (at < 0)
                {
                    return (text, "delete key (none)");
                }

                var end = BlockEnd(lines, at);
                lines.RemoveRange(at, end - at);
                return (string.Join('\n', lines), $"delete key at line {at} ({end - at} lines)");
            }

            case 4:
            {
                var at = RandomKeyLine(lines, random);
                if (at < 0)
                {
                    return (text, "wrong type (none)");
                }

                var end = BlockEnd(lines, at);
                var match = KeyLine().Match(lines[at]);
                var value = WrongValues[random.Next(WrongValues.Length)];
                lines[at] = match.Groups["prefix"].Value + " " + value;
                lines.RemoveRange(at + 1, end - at - 1);
                return (string.Join('\n', lines), $"wrong type at line {at}: {value}");
            }

            case 5:
            {
                var at = RandomKeyLine(lines, random);
                if (at < 0)
                {
                    return (text, "duplicate key (none)");
                }

                var end = BlockEnd(lines, at);
                var block = lines.GetRange(at, end - at);
                if (block[0].TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    // A list item's first key: duplicate it as a sibling key of the same item.
                    var indent = block[0].IndexOf("- ", StringComparison.Ordinal) + 2;
                    block[0] = new string(' ', indent) + block[0][indent..];
                }

                lines.InsertRange(end, block);
                return (string.Join('\n', lines), $"duplicate key at line {at}");
            }

            case 6:
            {
                var builder = new StringBuilder(text);
                var n = 1 + random.Next(4);
                for (var i = 0; i < n; i++)
                {
                    var piece = random.Next(4) == 0
                        ? char.ConvertFromUtf32(RandomScalar(random))
                        : InterestingText[random.Next(InterestingText.Length)];
                    builder.Insert(random.Next(builder.Length + 1), piece);
                }

                return (builder.ToString(), $"insert {n} unicode pieces");
            }

            case 7:
            {
                var at = RandomKeyLine(lines, random);
                if (at < 0)
                {
                    return (text, "weird name (none)");
                }

                var name = WeirdNames[random.Next(WeirdNames.Length)];
                var match = KeyLine().Match(lines[at]);
                var renameKey = random.Next(2) == 0;
                lines[at] = renameKey
                    ? match.Groups["indent"].Value + name + ":" + lines[at][match.Length..]
                    : match.Groups["prefix"].Value + " " + name;
                if (!renameKey)
                {
                    lines.RemoveRange(at + 1, BlockEnd(lines, at) - at - 1);
                }

                return (string.Join('\n', lines), $"weird {(renameKey ? "key" : "value")} '{name}' at line {at}");
            }

            case 8:
            {
                var a = random.Next(lines.Count);
                var b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return (string.Join('\n', lines), $"swap lines {a} and {b}");
            }

            case 9:
            {
                // A free-text field (description, summary, title, enum value...) set to a double-quoted YAML string with
                // escapes that decode to line breaks C# also honours (\r, U+0085, U+2028, U+2029), tabs and NUL.
                var candidates = Enumerable.Range(0, lines.Count).Where(i => TextField().IsMatch(lines[i])).ToList();
                if (candidates.Count == 0)
                {
                    return (text, "escaped text (none)");
                }

                var at = candidates[random.Next(candidates.Count)];
                var match = TextField().Match(lines[at]);
                var value = EscapedTexts[random.Next(EscapedTexts.Length)];
                lines[at] = match.Groups["prefix"].Value + " " + value;
                lines.RemoveRange(at + 1, BlockEnd(lines, at) - at - 1);
                return (string.Join('\n', lines), $"escaped text {value} at line {at}");
            }

            default:
            {
                // Re-indent one line by a random amount.
                var at = random.Next(lines.Count);
                var delta = random.Next(-4, 5);
                var line = lines[at];
                lines[at] = delta >= 0 ? new string(' ', delta) + line : line.TrimStart().PadLeft(Math.Max(0, line.Length - line.TrimStart().Length + delta) + line.TrimStart().Length);
                return (string.Join('\n', lines), $"re-indent line {at} by {delta}");
            }
        }
    }

    private static int RandomScalar(Random random)
    {
        while (true)
        {
            var c = random.Next(1, 0x30000);
            if (c is < 0xD800 or > 0xDFFF)
            {
                return c;
            }
        }
    }

    private static int RandomKeyLine(List<string> lines, Random random)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var at = random.Next(lines.Count);
            if (KeyLine().IsMatch(lines[at]))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The index after the key's block: following lines indented deeper than the key (or blank).</summary>
    private static int BlockEnd(List<string> lines, int at)
    {
        var indent = Indent(lines[at]);
        var end = at + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > indent))
        {
            end++;
        }

        return end;
    }

    private static int Indent(string line)
    {
        var trimmed = line.TrimStart(' ');
        var indent = line.Length - trimmed.Length;
        return trimmed.StartsWith("- ", StringComparison.Ordinal) ? indent + 2 : indent;
    }

    [GeneratedRegex(@"^(?<prefix>\s*(?:- )?(?:description|summary|title|name|operationId|url|version|default|example|- ):)(?:\s|$)")]
    private static partial Regex TextField();

    [GeneratedRegex(@"^(?<prefix>(?<indent>\s*(?:- )?)(?:'[^']*'|""[^""]*""|[^\s:#'""][^:#]*?):)(?:\s|$)")]
    private static partial Regex KeyLine();
}
