using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>
/// A small snapshot verifier that follows Verify.SourceGenerators' conventions, so moving to it later is a rename:
/// <list type="bullet">
/// <item>one file per generated source, <c>{TestClass}.{TestMethod}#{HintName without .cs}.verified.cs</c>, in a
/// <c>Snapshots/</c> folder beside the test source, starting with a <c>//HintName: x.cs</c> line;</item>
/// <item>parameterised tests add <c>_{name}={value}</c> after the method name;</item>
/// <item>an info file <c>{TestClass}.{TestMethod}.verified.txt</c> with the diagnostics, only when there are any;</item>
/// <item>on a mismatch or a missing verified file, <c>.received.*</c> is written and the test fails with a unified diff;</item>
/// <item><c>CMU_ACCEPT_SNAPSHOTS=1</c> accepts: writes <c>.verified.*</c>, deletes <c>.received.*</c> and orphaned verified files;</item>
/// <item>LF line endings everywhere (the repository pins <c>*.verified.* eol=lf</c>).</item>
/// </list>
/// The test class name is taken from the test's file name (one test class per file, named like the file).
/// </summary>
internal static class SnapshotVerifier
{
    public const string AcceptVariable = "CMU_ACCEPT_SNAPSHOTS";

    public static bool AcceptMode => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Verifies every generated source (and the diagnostics, if any) of a run.</summary>
    public static void Verify(
        GeneratorDriverRunResult result,
        string? parameters = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testMethod = "")
    {
        var sources = result.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, Text: s.SourceText.ToString()))
            .ToList();
        Verify(sources, result.Diagnostics, parameters, sourceFile, testMethod);
    }

    /// <summary>Verifies the given generated sources (and the diagnostics, if any).</summary>
    public static void Verify(
        IReadOnlyList<(string HintName, string Text)> sources,
        IEnumerable<Diagnostic> diagnostics,
        string? parameters = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testMethod = "")
    {
        var prefix = Path.GetFileNameWithoutExtension(sourceFile) + "." + testMethod + (parameters is null ? string.Empty : "_" + parameters);
        VerifyFiles(SnapshotDirectory(sourceFile), prefix, sources, FormatDiagnostics(diagnostics), AcceptMode);
    }

    /// <summary>
    /// Asserts that each source equals its verified file written by another test (<paramref name="verifyingTest"/>
    /// of the calling test's class), without writing anything, in accept mode too: that test alone accepts them.
    /// </summary>
    public static void AssertSameAsVerified(
        IReadOnlyList<(string HintName, string Text)> sources,
        string verifyingTest,
        [CallerFilePath] string sourceFile = "")
    {
        var directory = SnapshotDirectory(sourceFile);
        var prefix = Path.GetFileNameWithoutExtension(sourceFile) + "." + verifyingTest;
        var failures = new StringBuilder();
        foreach (var (hintName, text) in sources)
        {
            var verifiedPath = VerifiedSourcePath(directory, prefix, hintName);
            var content = SourceContent(hintName, text);
            var verified = File.Exists(verifiedPath) ? Lf(File.ReadAllText(verifiedPath)) : null;
            if (verified is null)
            {
                failures.Append("Missing verified file ").Append(Path.GetFileName(verifiedPath)).Append('\n');
            }
            else if (verified != content)
            {
                failures.Append("Mismatch with ").Append(Path.GetFileName(verifiedPath)).Append(":\n")
                    .Append(UnifiedDiff.Create(verified, content, Path.GetFileName(verifiedPath), hintName));
            }
        }

        if (failures.Length > 0)
        {
            throw new XunitException(failures.ToString());
        }
    }

    private static string SnapshotDirectory(string sourceFile) => Path.Combine(SourceDirectory(sourceFile), "Snapshots");

    /// <summary>
    /// The test source's folder. CI builds set ContinuousIntegrationBuild, which maps source paths to
    /// <c>/_/</c>; then the folder is found from the repository root instead.
    /// </summary>
    private static string SourceDirectory(string sourceFile)
    {
        return File.Exists(sourceFile)
            ? Path.GetDirectoryName(sourceFile)!
            : Path.Combine(TestPaths.RepoRoot, "tests", "CmuContracts.Generator.Tests");
    }

    /// <summary>The core, with the folder, name and mode explicit (tested on its own in a temporary folder).</summary>
    public static void VerifyFiles(string directory, string prefix, IReadOnlyList<(string HintName, string Text)> sources, string? info, bool accept)
    {
        Directory.CreateDirectory(directory);
        var expected = new List<(string VerifiedPath, string ReceivedPath, string Content)>();
        foreach (var (hintName, text) in sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var verifiedPath = VerifiedSourcePath(directory, prefix, hintName);
            expected.Add((verifiedPath, verifiedPath[..^".verified.cs".Length] + ".received.cs", SourceContent(hintName, text)));
        }

        if (info is not null)
        {
            var basePath = Path.Combine(directory, prefix);
            expected.Add((basePath + ".verified.txt", basePath + ".received.txt", Lf(info)));
        }

        var failures = new StringBuilder();
        foreach (var (verifiedPath, receivedPath, content) in expected)
        {
            var verified = File.Exists(verifiedPath) ? Lf(File.ReadAllText(verifiedPath)) : null;
            if (verified == content)
            {
                DeleteIfExists(receivedPath);
                continue;
            }

            if (accept)
            {
                Write(verifiedPath, content);
                DeleteIfExists(receivedPath);
                continue;
            }

            Write(receivedPath, content);
            if (verified is null)
            {
                failures.Append("Missing verified file ").Append(Path.GetFileName(verifiedPath))
                    .Append("; received written to ").Append(Path.GetFileName(receivedPath)).Append('\n');
            }
            else
            {
                failures.Append("Mismatch in ").Append(Path.GetFileName(verifiedPath)).Append(":\n")
                    .Append(UnifiedDiff.Create(verified, content, Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath)));
            }
        }

        // Verified files of this test that nothing produced any more (a hint name disappeared, diagnostics went away).
        var produced = new HashSet<string>(expected.Select(e => Path.GetFileName(e.VerifiedPath)), StringComparer.Ordinal);
        foreach (var orphan in OwnFiles(directory, prefix, ".verified.").Where(f => !produced.Contains(Path.GetFileName(f))))
        {
            if (accept)
            {
                File.Delete(orphan);
            }
            else
            {
                failures.Append("Verified file ").Append(Path.GetFileName(orphan)).Append(" no longer has a generated counterpart\n");
            }
        }

        // Stale received files (for outputs that now match or no longer exist).
        var stillReceived = new HashSet<string>(expected.Select(e => e.ReceivedPath).Where(File.Exists), StringComparer.Ordinal);
        foreach (var stale in OwnFiles(directory, prefix, ".received.").Where(f => !stillReceived.Contains(f)))
        {
            File.Delete(stale);
        }

        if (failures.Length > 0)
        {
            failures.Append("Set ").Append(AcceptVariable).Append("=1 and re-run to accept the received files.");
            throw new XunitException(failures.ToString());
        }
    }

    /// <summary>Diagnostics in Verify.SourceGenerators' spirit: id, severity, location and message; null when there are none.</summary>
    public static string? FormatDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines) + "\n";
    }

    public static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location == Location.None
            ? "(no location)"
            : string.Create(CultureInfo.InvariantCulture, $"{span.Path}: ({span.StartLinePosition.Line},{span.StartLinePosition.Character})-({span.EndLinePosition.Line},{span.EndLinePosition.Character})");
        return string.Create(CultureInfo.InvariantCulture, $"{d.Id} {d.Severity} {where}: {d.GetMessage(CultureInfo.InvariantCulture)}");
    }

    private static string VerifiedSourcePath(string directory, string prefix, string hintName)
    {
        var stem = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;
        return Path.Combine(directory, prefix + "#" + stem + ".verified.cs");
    }

    private static string SourceContent(string hintName, string text) => "//HintName: " + hintName + "\n" + Lf(text);

    private static IEnumerable<string> OwnFiles(string directory, string prefix, string marker) =>
        Directory.EnumerateFiles(directory)
            .Where(f =>
            {
                var name = Path.GetFileName(f);
                // Exactly this test's files: "{prefix}#hint.marker*" or "{prefix}.marker*" (not "{prefix}_param..." of a sibling).
                return (name.StartsWith(prefix + "#", StringComparison.Ordinal) || name.StartsWith(prefix + marker, StringComparison.Ordinal))
                    && name.Contains(marker, StringComparison.Ordinal);
            });

    private static void Write(string path, string content) => File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
