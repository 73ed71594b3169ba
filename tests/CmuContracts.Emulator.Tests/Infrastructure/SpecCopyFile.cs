using CmuContracts.Emulator.Reports;

namespace CmuContracts.Emulator.Tests.Infrastructure;

/// <summary>The spec the emulator embeds, edited as text and written to a file of its own, deleted on dispose.</summary>
public sealed class SpecCopyFile : IDisposable
{
    private readonly string _directory;

    public SpecCopyFile(Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        _directory = Directory.CreateTempSubdirectory("cmu-spec-copy-").FullName;
        Path = System.IO.Path.Combine(_directory, ReportTree.ResourceName);
        File.WriteAllText(Path, edit(EmbeddedSpec()));
    }

    public string Path { get; }

    public static string EmbeddedSpec()
    {
        using var stream = typeof(ReportTree).Assembly.GetManifestResourceStream(ReportTree.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
