using System.Text;

namespace CmuContracts.Generator.Emitting;

/// <summary>C# literals for text taken from the spec (names, paths, media types).</summary>
internal static class Literals
{
    public static string String(string value) => NeedsEscaping(value) ? Escaped(value, "") : "\"" + value + "\"";

    /// <summary>A UTF-8 literal (<c>"name"u8</c>): property names compared and written without transcoding.</summary>
    public static string Utf8(string value) => NeedsEscaping(value) ? Escaped(value, "u8") : "\"" + value + "\"u8";

    // Almost every name, path and media type is plain text: checked once, it is copied without a builder.
    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c == '"' || c == '\\' || (c >= '\u007f' && c <= '\u009f') || c == '\u2028' || c == '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static string Escaped(string value, string suffix)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                case '\u2028': builder.Append("\\u2028"); break; // line and paragraph separators end a C# string literal
                case '\u2029': builder.Append("\\u2029"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').Append(suffix).ToString();
    }
}
