using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// The packed generator works for a consumer: <c>dotnet pack</c> into a temporary feed, check the package layout,
/// then build (warnings as errors) and run a throwaway net10.0 app outside the repository that references only the
/// package and a spec. Slow (a pack, a restore and a build): filter it out with <c>Category!=Package</c>.
/// </summary>
public sealed class PackageTests(ITestOutputHelper output)
{
    private const string Version = "0.1.0";

    [Fact]
    [Trait("Category", "Package")]
    public void PackedGeneratorBuildsAConsumerWithWarningsAsErrors()
    {
        var root = Path.Combine(Path.GetTempPath(), "cmu-package-test-" + Guid.NewGuid().ToString("N")[..12]);
        var feed = Path.Combine(root, "feed");
        var packages = Path.Combine(root, "packages");
        var consumer = Path.Combine(root, "consumer");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(consumer);
        try
        {
            // Pack.
            Run(TestPaths.RepoRoot, "pack", "src/CmuContracts.Generator", "-c", "Release", "-o", feed, "-p:UseSharedCompilation=false");
            var nupkg = Path.Combine(feed, $"CmuContracts.Generator.{Version}.nupkg");
            Assert.True(File.Exists(nupkg), "No package at " + nupkg + "; feed has: " + string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName)));

            // Layout: the generator and its dependencies as analyzers, the props in build/, nothing to compile against.
            using (var zip = ZipFile.OpenRead(nupkg))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("analyzers/dotnet/cs/CmuContracts.Generator.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/System.Text.Json.dll", entries);
                Assert.Contains("build/CmuContracts.Generator.props", entries);
                Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

                // The package brings Refit: a consumer adds only it and a spec.
                using var nuspec = new StreamReader(zip.GetEntry("CmuContracts.Generator.nuspec")!.Open());
                var manifest = nuspec.ReadToEnd();
                Assert.Contains("<dependency id=\"Refit\" version=\"[16.4.0, 18.0.0)\" />", manifest, StringComparison.Ordinal);
                Assert.Contains("<dependency id=\"Refit.HttpClientFactory\" version=\"[16.4.0, 18.0.0)\" />", manifest, StringComparison.Ordinal);
            }

            // A consumer isolated from the repository's build files and central package management.
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{packages}" />
                  </config>
                  <packageSources>
                    <add key="cmu-test-feed" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RootNamespace>Consumer</RootNamespace>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="CmuContracts.Generator" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.Copy(TestPaths.CorpusFile("library-catalogue"), Path.Combine(consumer, "library.openapi.yaml"));

            // A JSON spec takes the System.Text.Json fast path inside the real compiler.
            File.Copy(TestPaths.CorpusFile("parcel-tracking"), Path.Combine(consumer, "parcels.openapi.json"));
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                using System.Text.Json;
                using Consumer.Library;

                using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
                var client = Refit.RestService.For<IBooksClient>(http);
                var generated = Refit.RestService.ForGenerated<IBooksClient>(http);
                var book = new NewBook { Isbn = "9780140449136", Title = "Odes", Genre = Genre.Poetry };
                var json = JsonSerializer.Serialize(book, LibraryJsonContext.Options);
                var back = JsonSerializer.Deserialize<NewBook>(json, LibraryJsonContext.Options)!;
                Console.WriteLine(json);
                Console.WriteLine(back.Title + " " + client.GetType().FullName + " " + (generated.GetType() == client.GetType()));
                Console.WriteLine(JsonSerializer.Serialize(new Consumer.Parcels.Depot { Code = "LYS-2", Name = "Lyon" }, Consumer.Parcels.ParcelsJsonContext.Options));
                """);

            Run(consumer, "build", "-warnaserror", "-p:UseSharedCompilation=false");
            var dll = Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll");
            var stdout = Run(consumer, dll);
            Assert.Contains("{\"isbn\":\"9780140449136\",\"title\":\"Odes\",\"genre\":\"poetry\"}", stdout, StringComparison.Ordinal);
            // Refit's runtime serves our generated implementation (Refit's analyzers ran on the -warnaserror build).
            Assert.Contains("Odes Consumer.Library.Internal.BooksClient True", stdout, StringComparison.Ordinal);
            Assert.Contains("{\"code\":\"LYS-2\",\"name\":\"Lyon\"}", stdout, StringComparison.Ordinal);

            // The package came from the test feed, not from some cache.
            Assert.True(Directory.Exists(Path.Combine(packages, "cmucontracts.generator", Version)), "the package was not restored into the isolated packages folder");
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Leave it for the OS to clean up.
            }
        }
    }

    private string Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} timed out after 5 minutes\n{stdout}\n{stderr}");
        }

        process.WaitForExit();
        output.WriteLine($"dotnet {string.Join(' ', args)}: exit {process.ExitCode} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed with {process.ExitCode}:\n{stdout}\n{stderr}");
        return stdout.ToString();
    }
}
