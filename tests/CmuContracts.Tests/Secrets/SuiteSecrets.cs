using System.Buffers;
using System.Collections.Concurrent;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// Every client secret, access token and software statement the emulator issued or a test host used, for the
/// whole test run. A JWT also contributes its payload and signature segments: a leak of part of one counts.
/// (Not its header: every RS256 JWT starts with the same one.)
/// </summary>
internal static class SuiteSecrets
{
    // Shorter fragments could match by chance; every real secret here is far longer.
    private const int MinimumLength = 16;

    private static readonly ConcurrentDictionary<string, SecretKind> Known = new(StringComparer.Ordinal);

    public static void Add(SecretKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < MinimumLength)
        {
            return;
        }

        Known.TryAdd(value, kind);
        var segments = value.Split('.');
        if (segments.Length == 3)
        {
            foreach (var segment in segments.Skip(1).Where(s => s.Length >= MinimumLength))
            {
                Known.TryAdd(segment, kind);
            }
        }
    }

    public static int CountOf(SecretKind kind) => Known.Count(k => k.Value == kind);

    public static IEnumerable<KeyValuePair<string, SecretKind>> All() => Known;

    /// <summary>A multi-string matcher over every secret known now.</summary>
    public static SearchValues<string> Matcher() => SearchValues.Create([.. Known.Keys], StringComparison.Ordinal);

    /// <summary>Any known secret, to prove the scan finds what it looks for.</summary>
    public static string Sample(SecretKind kind) => Known.First(k => k.Value == kind).Key;
}
