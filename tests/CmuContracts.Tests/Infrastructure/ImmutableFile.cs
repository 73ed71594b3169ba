using System.Diagnostics;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// A file nobody may rename, delete or change (<c>chattr +i</c>), in a directory that stays writable: a rename of it
/// fails while a copy of it succeeds. Only root can set the flag (CI runs as root); <see cref="IsAvailable"/> says.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Linux file attributes
public sealed class ImmutableFile : IDisposable
{
    private ImmutableFile(string path) => Path = path;

    public static bool IsAvailable => Environment.IsPrivilegedProcess;

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, then makes the file immutable.</summary>
    public static ImmutableFile Create(string path, string content)
    {
        File.WriteAllText(path, content);
        Chattr("+i", path);
        return new ImmutableFile(path);
    }

    public void Dispose() => Chattr("-i", Path);

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
