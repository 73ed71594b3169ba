namespace CmuContracts.Tests.SpecEdits;

/// <summary>
/// Edits of the spec's YAML text the way a person would make them (lines added, nothing reformatted), for tests that
/// prove a spec edit needs no other edit. Shared with the emulator's tests (linked into their project).
/// </summary>
internal static class SpecText
{
    /// <summary>Adds a value at the end of the <c>enum</c> of <c>components.schemas.{schema}</c>.</summary>
    public static string AddEnumValue(string spec, string schema, string value)
    {
        var lines = Lines(spec);
        var at = IndexOf(lines, "    " + schema + ":", 0);
        var list = IndexOf(lines, "      enum:", at);
        var end = list + 1;
        while (end < lines.Count && lines[end].StartsWith("        - ", StringComparison.Ordinal))
        {
            end++;
        }

        lines.Insert(end, "        - " + value);
        return Join(lines);
    }

    /// <summary>Adds an integer metric property to <c>components.schemas.UsageRecord</c>.</summary>
    public static string AddRecordMetric(string spec, string metric)
    {
        var lines = Lines(spec);
        var properties = IndexOf(lines, "      properties:", IndexOf(lines, "    UsageRecord:", 0));
        lines.InsertRange(properties + 1,
        [
            "        " + metric + ":",
            "          type: integer",
            "          format: int64",
            "          description: Metric. Added by a test of spec edits.",
        ]);
        return Join(lines);
    }

    /// <summary>A metric declared both in the <c>ReportMetric</c> enum and as a <c>UsageRecord</c> property.</summary>
    public static string AddMetric(string spec, string metric) => AddRecordMetric(AddEnumValue(spec, "ReportMetric", metric), metric);

    /// <summary>
    /// Adds the path item <paramref name="newPath"/> as a copy of <paramref name="existingPath"/>'s, with its
    /// <c>operationId</c> renamed to <paramref name="operationId"/> (operation ids are unique).
    /// </summary>
    public static string CopyPath(string spec, string existingPath, string newPath, string operationId)
    {
        var lines = Lines(spec);
        var start = IndexOf(lines, "  " + existingPath + ":", 0);
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end].StartsWith("   ", StringComparison.Ordinal)))
        {
            end++;
        }

        var copy = lines.GetRange(start, end - start);
        copy[0] = "  " + newPath + ":";
        var renamed = 0;
        for (var i = 0; i < copy.Count; i++)
        {
            var trimmed = copy[i].TrimStart();
            if (trimmed.StartsWith("operationId: ", StringComparison.Ordinal))
            {
                copy[i] = copy[i][..^trimmed.Length] + "operationId: " + operationId;
                renamed++;
            }
        }

        if (renamed != 1)
        {
            throw new InvalidOperationException($"Path '{existingPath}' has {renamed} operation ids; expected one.");
        }

        lines.InsertRange(end, copy);
        return Join(lines);
    }

    private static List<string> Lines(string spec) => [.. spec.ReplaceLineEndings("\n").Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static int IndexOf(List<string> lines, string line, int from)
    {
        var index = lines.FindIndex(from, l => string.Equals(l.TrimEnd(), line, StringComparison.Ordinal));
        return index >= 0 ? index : throw new InvalidOperationException($"The spec has no line '{line.Trim()}' after line {from + 1}.");
    }
}
