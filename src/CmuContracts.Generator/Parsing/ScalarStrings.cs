namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Hands out one string per distinct short scalar text (keys such as <c>type</c> or <c>description</c> recur
/// thousands of times in a large spec): a small direct-mapped cache, so the tree, which lives through the whole
/// parse, holds far fewer strings.
/// </summary>
internal sealed class ScalarStrings
{
    private const int MaxLength = 64;

    private readonly string?[] _slots = new string?[4096];

    public string Get(string text, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 16777619u;
        }

        var slot = (int)(hash & (uint)(_slots.Length - 1));
        var cached = _slots[slot];
        if (cached is not null && cached.Length == length && string.CompareOrdinal(cached, 0, text, start, length) == 0)
        {
            return cached;
        }

        return _slots[slot] = text.Substring(start, length);
    }
}
