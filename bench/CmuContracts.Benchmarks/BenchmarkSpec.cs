namespace CmuContracts.Benchmarks;

/// <summary>One spec both generators are run on: a name for the tables, a path (its extension picks JSON or YAML) and its text.</summary>
internal sealed record BenchmarkSpec(string Name, string Path, string Text)
{
    public bool IsJson => Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public int SizeKiB => System.Text.Encoding.UTF8.GetByteCount(Text) / 1024;

    public override string ToString() => Name;
}
