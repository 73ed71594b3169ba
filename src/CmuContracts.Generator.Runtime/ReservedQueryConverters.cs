namespace SpecNamespace.Internal;

/// <summary>
/// The text of a query value under OpenAPI's <c>allowReserved: true</c>: escaped by RFC 3986, but with the reserved
/// characters that cannot change how the query is read left literal, so <c>metrics=a,b</c> keeps its comma.
/// </summary>
/// <remarks>
/// Literal: <c>: / ? @ ! $ ' ( ) * , ;</c> (all of them are allowed in a query by RFC 3986). Still escaped, although
/// OpenAPI lists them as reserved:
/// <list type="bullet">
/// <item><c>&amp;</c> and <c>=</c> separate the pairs and a key from its value: a literal one would cut the value or be
/// read as another pair by some parsers;</item>
/// <item><c>+</c>: form decoders (ASP.NET Core among them) read a literal plus in a query as a space;</item>
/// <item><c>#</c> ends the query (the fragment starts), so nothing after it would be sent;</item>
/// <item><c>[</c> and <c>]</c>: RFC 3986 allows them only in a host, not in a query
/// (<c>query = *( pchar / "/" / "?" )</c>).</item>
/// </list>
/// A <c>%</c> is always escaped: the value is data, not pre-encoded text (RFC 6570's reserved expansion would pass
/// <c>%XX</c> triples through), so the server decodes exactly what the caller gave.
/// </remarks>
public static class ReservedQueryText
{
    private const string LiteralReserved = ":/?@!$'()*,;";

    /// <summary>The value escaped as above.</summary>
    public static string Escape(string value)
    {
        var escaped = global::System.Uri.EscapeDataString(value);
        if (!escaped.Contains('%'))
        {
            return escaped;
        }

        var text = new global::System.Text.StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            // EscapeDataString writes every escape as %XX, so each '%' starts one.
            if (escaped[i] == '%' && i + 2 < escaped.Length && Literal(escaped[i + 1], escaped[i + 2]) is { } literal)
            {
                text.Append(literal);
                i += 2;
            }
            else
            {
                text.Append(escaped[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The text Refit's default formatter writes for a value of a spec scalar type: dates as the generated
    /// <c>[Query(Format)]</c> says, numbers invariant, anything else (extensible enums too) by <c>ToString()</c>.
    /// </summary>
    public static string Format(object value) => value switch
    {
        string text => text,
        global::System.DateTimeOffset moment => moment.ToString("o", global::System.Globalization.CultureInfo.InvariantCulture),
        global::System.DateOnly day => day.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture),
        global::System.IFormattable formattable => formattable.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static char? Literal(char high, char low)
    {
        var code = (Hex(high) << 4) | Hex(low);
        return code is >= 0 and < 0x80 && LiteralReserved.Contains((char)code) ? (char)code : null;
    }

    private static int Hex(char digit) => digit switch
    {
        >= '0' and <= '9' => digit - '0',
        >= 'A' and <= 'F' => digit - 'A' + 10,
        >= 'a' and <= 'f' => digit - 'a' + 10,
        _ => -256,
    };
}

/// <summary>
/// A scalar query parameter with <c>allowReserved: true</c>: one <c>key=value</c> pair. The key is the prefix: the
/// parameter is declared <c>[Query("", "key")]</c>, so Refit (and our generator) hand the key over as the prefix.
/// </summary>
public sealed class ReservedQueryConverter<T> : global::Refit.IQueryConverter<T>
{
    /// <inheritdoc />
    public void Flatten(T value, string prefix, ref global::Refit.GeneratedQueryStringBuilder builder, global::Refit.RefitSettings settings)
    {
        if (value is null)
        {
            return;
        }

        builder.AddPreEscapedKey(global::System.Uri.EscapeDataString(prefix), ReservedQueryText.Escape(ReservedQueryText.Format(value)), true);
    }
}

/// <summary>
/// A list with <c>allowReserved: true</c>, exploded (<c>style: form, explode: true</c>): one pair per item, null items
/// left out (as Refit's <c>CollectionFormat.Multi</c>). The key is the prefix, as for <see cref="ReservedQueryConverter{T}"/>.
/// </summary>
public sealed class ReservedExplodedQueryConverter<T> : global::Refit.IQueryConverter<global::System.Collections.Generic.IReadOnlyList<T>>
{
    /// <inheritdoc />
    public void Flatten(global::System.Collections.Generic.IReadOnlyList<T> value, string prefix, ref global::Refit.GeneratedQueryStringBuilder builder, global::Refit.RefitSettings settings)
    {
        var key = global::System.Uri.EscapeDataString(prefix);
        foreach (var item in value)
        {
            if (item is not null)
            {
                builder.AddPreEscapedKey(key, ReservedQueryText.Escape(ReservedQueryText.Format(item)), true);
            }
        }
    }
}

/// <summary>
/// A list with <c>allowReserved: true</c>, joined (<c>style: form, explode: false</c>): one pair, the items joined by a
/// literal comma (<c>metrics=a,b</c>); a null item joins as empty and an empty list still sends <c>key=</c>, as Refit's
/// <c>CollectionFormat.Csv</c> does. A comma inside an item is literal too: allowReserved makes it indistinguishable
/// from the separator, as OpenAPI intends. The key is the prefix, as for <see cref="ReservedQueryConverter{T}"/>.
/// </summary>
public sealed class ReservedCsvQueryConverter<T> : global::Refit.IQueryConverter<global::System.Collections.Generic.IReadOnlyList<T>>
{
    /// <inheritdoc />
    public void Flatten(global::System.Collections.Generic.IReadOnlyList<T> value, string prefix, ref global::Refit.GeneratedQueryStringBuilder builder, global::Refit.RefitSettings settings)
    {
        var text = new global::System.Text.StringBuilder();
        for (var i = 0; i < value.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            if (value[i] is { } item)
            {
                text.Append(ReservedQueryText.Escape(ReservedQueryText.Format(item)));
            }
        }

        builder.AddPreEscapedKey(global::System.Uri.EscapeDataString(prefix), text.ToString(), true);
    }
}
