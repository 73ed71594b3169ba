namespace SpecNamespace.Internal;

/// <summary>
/// A free-form map with list values, exploded (OpenAPI <c>style: form, explode: true</c>): each value is a
/// <c>key=value</c> pair, and a key with an empty list is sent bare (<c>?key</c>).
/// </summary>
public sealed class ListMapFormExplodedQueryConverter : global::Refit.IQueryConverter<global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>>
{
    /// <inheritdoc />
    public void Flatten(global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> value, string prefix, ref global::Refit.GeneratedQueryStringBuilder builder, global::Refit.RefitSettings settings)
    {
        foreach (var pair in value)
        {
            // A trailing '!' (not-equal filters) stays literal on the wire, as the service writes it.
            var key = global::System.Uri.EscapeDataString(prefix + pair.Key).Replace("%21", "!");
            if (pair.Value is null || pair.Value.Count == 0)
            {
                builder.AddFlag(key, true);
                continue;
            }

            foreach (var item in pair.Value)
            {
                builder.AddPreEscapedKey(key, item, false);
            }
        }
    }
}

/// <summary>A free-form map of strings, exploded (<c>style: form, explode: true</c>): one <c>key=value</c> pair per entry.</summary>
public sealed class MapFormExplodedQueryConverter : global::Refit.IQueryConverter<global::System.Collections.Generic.IReadOnlyDictionary<string, string>>
{
    /// <inheritdoc />
    public void Flatten(global::System.Collections.Generic.IReadOnlyDictionary<string, string> value, string prefix, ref global::Refit.GeneratedQueryStringBuilder builder, global::Refit.RefitSettings settings)
    {
        foreach (var pair in value)
        {
            builder.Add(prefix + pair.Key, pair.Value, false);
        }
    }
}

/// <summary>
/// A free-form map of strings as a deepObject (<c>style: deepObject</c>): one <c>name[key]=value</c> pair per entry.
/// The prefix is <c>name[</c> (the <c>[Query]</c> prefix and delimiter); each key closes the bracket.
/// </summary>
public sealed class MapDeepObjectQueryConverter : global::Refit.IQueryConverter<global::System.Collections.Generic.IReadOnlyDictionary<string, string>>
{
    /// <inheritdoc />
    public void Flatten(global::System.Collections.Generic.IReadOnlyDictionary<string, string> value, string prefix, ref global::Refit.GeneratedQueryStringBuilder builder, global::Refit.RefitSettings settings)
    {
        foreach (var pair in value)
        {
            builder.Add(prefix + pair.Key + "]", pair.Value, false);
        }
    }
}
