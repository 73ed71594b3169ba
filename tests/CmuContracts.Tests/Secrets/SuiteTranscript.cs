using System.Collections.Concurrent;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// Everything said during the test run that a secret must never reach: log lines (with their state and scopes),
/// exception texts, metric tags and activity tags. Kept distinct per source, scanned once at the end.
/// </summary>
internal static class SuiteTranscript
{
    private static readonly ConcurrentDictionary<(TextSource Source, string Text), byte> Texts = new();
    private static readonly ConcurrentDictionary<TextSource, long> Counts = new();

    public static void Add(TextSource source, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Counts.AddOrUpdate(source, 1, (_, n) => n + 1);
        Texts.TryAdd((source, text), 0);
    }

    /// <summary>How many texts of a source were recorded (repeats included).</summary>
    public static long CountOf(TextSource source) => Counts.TryGetValue(source, out var n) ? n : 0;

    /// <summary>Each recorded text that contains a known secret, with the secret's kind and the text made safe to print.</summary>
    public static IReadOnlyList<string> Findings() => Scan(Texts.Keys);

    public static IReadOnlyList<string> Scan(IEnumerable<(TextSource Source, string Text)> texts)
    {
        var matcher = SuiteSecrets.Matcher();
        var findings = new List<string>();
        foreach (var (source, text) in texts)
        {
            if (text.AsSpan().IndexOfAny(matcher) >= 0)
            {
                findings.Add($"{source}: {Redact(text)}");
            }
        }

        return findings;
    }

    // The failure message must not leak what it reports: each secret (longest first) becomes its kind.
    private static string Redact(string text)
    {
        foreach (var (secret, kind) in SuiteSecrets.All().OrderByDescending(s => s.Key.Length))
        {
            text = text.Replace(secret, "<" + kind + ">", StringComparison.Ordinal);
        }

        return text;
    }
}
