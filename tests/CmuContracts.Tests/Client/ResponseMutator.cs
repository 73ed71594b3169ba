using System.Globalization;
using System.Text;

namespace CmuContracts.Tests.Client;

/// <summary>
/// Deterministic mutations of a valid JSON response body, of the kinds broken servers and proxies produce:
/// truncation, values of the wrong type, numbers too large for any CLR type, nesting past every depth limit,
/// byte damage and structural noise. Each mutation says what it did, so a failure names its input.
/// </summary>
internal static class ResponseMutator
{
    private static readonly string[] WrongValues =
    [
        "null", "true", "false", "0", "-1", "1.5", "\"\"", "\"text\"", "[]", "{}", "[1,2]", "{\"a\":1}",
        "1e400", "-1e400", "99999999999999999999999999999", "0.0000000000000000000000000001", "-0",
        "\"2024-13-45T99:99:99\"", "\"\\ud800\"", "\"\\u0000\"", "NaN", "Infinity",
    ];

    private const string Noise = "{}[]\":,\\x0 \u00e9\u0001";

    public static (string Body, string Description) Mutate(string body, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                var cut = random.Next(body.Length);
                return (body.Substring(0, cut), "truncated at " + cut);
            case 1:
                return ReplaceValue(body, random, WrongValues[random.Next(WrongValues.Length)]);
            case 2:
                return ReplaceValue(body, random, random.Next(2) == 0 ? "9" + new string('9', random.Next(20, 400)) : "1" + new string('0', random.Next(20, 400)) + ".5e" + random.Next(300, 5000));
            case 3:
                var depth = random.Next(65, 5000);
                var open = random.Next(2) == 0 ? "[" : "{\"x\":";
                var close = open == "[" ? "]" : "}";
                return ReplaceValue(body, random, Repeat(open, depth) + "1" + Repeat(close, depth), "nested " + depth + " deep");
            case 4:
                var chars = body.ToCharArray();
                var flips = random.Next(1, 6);
                for (var i = 0; i < flips; i++)
                {
                    chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
                }

                return (new string(chars), flips + " character(s) damaged");
            case 5:
                var at = StructuralPosition(body, random);
                return (body.Insert(at, ",\"extra\":" + WrongValues[random.Next(WrongValues.Length)]), "member inserted at " + at);
            case 6:
                return (random.Next(4) switch
                {
                    0 => string.Empty,
                    1 => "[" + body + "]",
                    2 => body + body,
                    _ => "\"" + body.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
                }, "whole-body shape changed");
            default:
                var remove = StructuralPosition(body, random);
                var length = Math.Min(random.Next(1, 40), body.Length - remove);
                return (body.Remove(remove, length), length + " character(s) removed at " + remove);
        }
    }

    /// <summary>Replaces one JSON value (after a ':' or inside an array) with <paramref name="replacement"/>.</summary>
    private static (string, string) ReplaceValue(string body, Random random, string replacement, string? what = null)
    {
        var colons = new List<int>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == ':')
            {
                colons.Add(i);
            }
        }

        if (colons.Count == 0)
        {
            return (replacement, "whole body replaced by " + (what ?? replacement));
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = EndOfValue(body, start);
        var description = string.Create(CultureInfo.InvariantCulture, $"value at {start} replaced by {what ?? Shorten(replacement)}");
        return (string.Concat(body.AsSpan(0, start), replacement, body.AsSpan(end)), description);
    }

    /// <summary>The end of the JSON value starting at <paramref name="start"/> (strings and nesting respected).</summary>
    private static int EndOfValue(string body, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < body.Length; i++)
        {
            var c = body[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return body.Length;
    }

    private static int StructuralPosition(string body, Random random)
    {
        var positions = new List<int>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is '{' or '[' or ',')
            {
                positions.Add(i + 1);
            }
        }

        return positions.Count == 0 ? 0 : positions[random.Next(positions.Count)];
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Shorten(string text) => text.Length <= 24 ? text : string.Concat(text.AsSpan(0, 24), "…(" + text.Length + " chars)");
}
