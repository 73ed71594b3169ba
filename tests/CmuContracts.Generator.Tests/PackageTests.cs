using System.IO.Compression;
using System.Runtime.InteropServices;
using CmuContracts.Generator.Tests.Packaging;
using Xunit;
using Xunit.Abstractions;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// The packed generator works for consumers: <c>dotnet pack</c> into a temporary feed, check the package layout, then
/// build (warnings as errors) and run throwaway apps outside the repository that reference only the package, a spec or
/// three and, for Refit 17, Refit itself. Slow (a pack, restores and builds): filter it out with <c>Category!=Package</c>.
/// </summary>
public sealed class PackageTests(PackedGenerator packed, ITestOutputHelper output) : IClassFixture<PackedGenerator>
{
    /// <summary>What every consumer sends, whatever its framework or Refit: the spec's wire names, escaped as Refit escapes them.</summary>
    private const string ExpectedRequests = """
        GET http://127.0.0.1:9/api/books?genre=poetry&subject=odes&subject=greek%20lyric&author=Pindar%2CHorace&limit=2 -
        POST http://127.0.0.1:9/api/events/search text=Winter+quartets+%26+more&pageSize=5
        GET http://127.0.0.1:9/api/events?venue=Grand%20Hall -
        GET http://127.0.0.1:9/di/books?limit=1 -
        {"isbn":"9780140449136","title":"Odes","genre":"poetry"}
        {"code":"LYS-2","name":"Lyon"}
        Consumer.Library.Internal.BooksClient Consumer.TicketOffice.Internal.TicketOfficeClient

        """;

    [Fact]
    [Trait("Category", "Package")]
    public void ThePackageHoldsTheGeneratorAsAnAnalyzerAndBringsRefit16Or17()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        Assert.True(File.Exists(packed.Package), "No package at " + packed.Package + "; feed has: " + string.Join(", ", Directory.GetFiles(packed.Feed).Select(Path.GetFileName)));

        using var zip = ZipFile.OpenRead(packed.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/CmuContracts.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SharpYaml.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/System.Text.Json.dll", entries);
        Assert.Contains("build/CmuContracts.Generator.props", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        // The package brings Refit (16.4.0 unless the consumer asks for 17): a consumer adds only it and a spec.
        using var nuspec = new StreamReader(zip.GetEntry("CmuContracts.Generator.nuspec")!.Open());
        var manifest = nuspec.ReadToEnd();
        Assert.Contains("<dependency id=\"Refit\" version=\"[16.4.0, 18.0.0)\" />", manifest, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"Refit.HttpClientFactory\" version=\"[16.4.0, 18.0.0)\" />", manifest, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Package")]
    public void ConsumersOnNet8Net9AndNet10BuildAndRunWithRefit164()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        var rid = PortableRuntimeIdentifier();
        var consumer = packed.CreateConsumer("consumer-refit16",
            new[] { ("Consumer.csproj", GeneratorConsumer.Project(packed.Version, "net8.0;net9.0;net10.0", rid)), ("Program.cs", GeneratorConsumer.Program) },
            GeneratorConsumer.Specs);

        Build(consumer);
        foreach (var (tfm, major) in new[] { ("net8.0", 8), ("net9.0", 9), ("net10.0", 10) })
        {
            var app = Path.Combine(consumer, "bin", "Debug", tfm, rid, OperatingSystem.IsWindows() ? "Consumer.exe" : "Consumer");
            AssertRun(DotnetCli.Start(app, consumer), $"runtime {major}, Refit 16");
        }

        AssertRestoredFromTheFeed();
    }

    [Fact]
    [Trait("Category", "Package")]
    public void ANet10ConsumerThatReferencesRefit17BuildsAndRunsTheSame()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        var refit17 = """
            <PackageReference Include="Refit" Version="17.0.0" />
            <PackageReference Include="Refit.HttpClientFactory" Version="17.0.0" />
            """;
        var consumer = packed.CreateConsumer("consumer-refit17",
            new[] { ("Consumer.csproj", GeneratorConsumer.Project(packed.Version, "net10.0", items: refit17)), ("Program.cs", GeneratorConsumer.Program) },
            GeneratorConsumer.Specs);

        Build(consumer);
        AssertRun(DotnetCli.Run(consumer, Path.Combine("bin", "Debug", "net10.0", "Consumer.dll")), "runtime 10, Refit 17");
        AssertRestoredFromTheFeed();
    }

    private void Build(string consumer)
    {
        // Refit's own analyzers run on this build too: the generated interfaces must not trip them.
        var build = DotnetCli.Run(consumer, "build", "-warnaserror", "-p:UseSharedCompilation=false");
        output.WriteLine(build.Command + $": exit {build.ExitCode} in {build.Elapsed.TotalSeconds:F1} s");
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    private void AssertRun(ProcessResult run, string versions)
    {
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        var text = run.Out.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(ExpectedRequests + GeneratorConsumer.VersionsLinePrefix, text[..Math.Min(text.Length, ExpectedRequests.Length + GeneratorConsumer.VersionsLinePrefix.Length)]);
        Assert.Equal(versions, text[ExpectedRequests.Length..].TrimEnd());
    }

    /// <summary>The package came from the test feed: its version exists nowhere else.</summary>
    private void AssertRestoredFromTheFeed() =>
        Assert.True(Directory.Exists(Path.Combine(PackedGenerator.GlobalPackagesFolder, "cmucontracts.generator", packed.Version)), "the package was not restored from the test feed");

    /// <summary>A runtime identifier with runtime packs on NuGet (a distribution's own, such as ubuntu.24.04-x64, has none).</summary>
    private static string PortableRuntimeIdentifier()
    {
        var os = OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal) ? "linux-musl" : "linux";
        return os + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
    }
}
