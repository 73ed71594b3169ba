using System.Diagnostics;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// A temporary directory nobody can write to, this process included. Mode 0555 stops an ordinary user; root
/// (CI runs as root) ignores modes, so there the directory is also made immutable (<c>chattr +i</c>).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class ReadOnlyDirectory : IDisposable
{
    private readonly bool _immutable;

    private ReadOnlyDirectory(string path, bool immutable)
    {
        Path = path;
        _immutable = immutable;
    }

    public string Path { get; }

    /// <summary>Creates the directory, lets <paramref name="fill"/> write into it, then makes it read-only.</summary>
    public static ReadOnlyDirectory Create(Action<string>? fill = null)
    {
        var path = Directory.CreateTempSubdirectory("cmu-readonly-").FullName;
        fill?.Invoke(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var immutable = Environment.IsPrivilegedProcess;
        if (immutable)
        {
            Chattr("+i", path);
        }

        var directory = new ReadOnlyDirectory(path, immutable);
        var probe = System.IO.Path.Combine(path, "probe");
        try
        {
            File.WriteAllText(probe, "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return directory; // As wanted: not writable.
        }

        File.Delete(probe);
        directory.Dispose();
        throw new InvalidOperationException($"Cannot make a read-only directory here: '{path}' stayed writable (privileged: {immutable}).");
    }

    public void Dispose()
    {
        if (_immutable)
        {
            Chattr("-i", Path);
        }

        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(Path, recursive: true);
    }

    private static void Chattr(string change, string path)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr") { ArgumentList = { change, path }, RedirectStandardError = true, UseShellExecute = false })!;
        var error = chattr.StandardError.ReadToEnd();
        chattr.WaitForExit();
        if (chattr.ExitCode != 0)
        {
            throw new InvalidOperationException($"chattr {change} '{path}' failed ({chattr.ExitCode}): {error}");
        }
    }
}
