using System.Text;

namespace CmuContracts.Benchmarks;

/// <summary>The C# files one generator wrote for one spec.</summary>
internal sealed record GeneratedOutput(string Generator, string Spec, IReadOnlyList<GeneratedFile> Files)
{
    public long Chars => Files.Sum(f => (long)f.Text.Length);

    public long Utf8Bytes => Files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
}

/// <summary>One generated file.</summary>
internal sealed record GeneratedFile(string Name, string Text);
