using System.Buffers;
using System.Collections.Concurrent;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// The client secrets, access tokens and software statements one test host used or was issued. A JWT also
/// contributes its payload and signature segments: a leak of part of one counts. (Not its header: every RS256 JWT
/// starts with the same one.)
/// </summary>
internal sealed class SecretSet
{
    // Shorter fragments could match by chance; every real secret here is far longer.
    private const int MinimumLength = 16;

    private readonly ConcurrentDictionary<string, SecretKind> _known = new(StringComparer.Ordinal);

    public void Add(SecretKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < MinimumLength)
        {
            return;
        }

        _known.TryAdd(value, kind);
        var segments = value.Split('.');
        if (segments.Length == 3)
        {
            foreach (var segment in segments.Skip(1).Where(s => s.Length >= MinimumLength))
            {
                _known.TryAdd(segment, kind);
            }
        }
    }

    public int CountOf(SecretKind kind) => _known.Count(k => k.Value == kind);

    /// <summary>Each text that contains a known secret, with the secret replaced by its kind so the report cannot leak it.</summary>
    public IReadOnlyList<string> Find(IEnumerable<(TextSource Source, string Text)> texts)
    {
        var known = _known.ToArray();
        if (known.Length == 0)
        {
            return [];
        }

        var matcher = SearchValues.Create([.. known.Select(k => k.Key)], StringComparison.Ordinal);
        var findings = new List<string>();
        foreach (var (source, text) in texts)
        {
            if (text.AsSpan().IndexOfAny(matcher) >= 0)
            {
                findings.Add($"{source}: {Redact(text, known)}");
            }
        }

        return findings;
    }

    // Longest first, so a whole JWT becomes its kind before its segments are looked for.
    private static string Redact(string text, KeyValuePair<string, SecretKind>[] known)
    {
        foreach (var (secret, kind) in known.OrderByDescending(s => s.Key.Length))
        {
            text = text.Replace(secret, "<" + kind + ">", StringComparison.Ordinal);
        }

        return text;
    }
}
