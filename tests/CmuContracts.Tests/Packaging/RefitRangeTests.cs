using System.IO.Compression;
using CmuContracts.Tests.Trimming;

namespace CmuContracts.Tests.Packaging;

/// <summary>
/// The CmuContracts package is compiled against Refit 16.4, which Refit 17 cannot stand in for (calls would fail with
/// MissingMethodException). A consumer that brings Refit 17 must therefore stop at restore or build with an error that
/// says why, and one that does not gets Refit 16.4 and runs. The package is packed from this test's build into a
/// temporary folder feed, under a version of its own, and consumed by throwaway net10.0 apps outside the repository.
/// </summary>
public sealed class RefitRangeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "Package")]
    public async Task AConsumerThatBringsRefit17FailsToRestoreOrBuildAndOneThatDoesNotRuns()
    {
        var root = Path.Combine(Path.GetTempPath(), "cmu-refit-range-" + Guid.NewGuid().ToString("N")[..12]);
        var feed = Path.Combine(root, "feed");
        var version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(feed);
        try
        {
            var project = Path.Combine(PublishedClientApp.RepositoryRoot(), "src", "CmuContracts", "CmuContracts.csproj");
            var pack = await PublishedClientApp.RunAsync("dotnet", $"pack \"{project}\" --no-build -c {Configuration} -o \"{feed}\" -p:Version={version} -nologo", root, Timeout);
            Assert.True(pack.ExitCode == 0, pack.Output);
            using (var zip = ZipFile.OpenRead(Path.Combine(feed, $"CmuContracts.{version}.nupkg")))
            {
                Assert.Contains("buildTransitive/CmuContracts.targets", zip.Entries.Select(e => e.FullName));
                using var nuspec = new StreamReader(zip.GetEntry("CmuContracts.nuspec")!.Open());
                var manifest = await nuspec.ReadToEndAsync();
                Assert.Contains("<dependency id=\"Refit\" version=\"[16.4.0, 17.0.0)\"", manifest, StringComparison.Ordinal);
                Assert.Contains("<dependency id=\"Refit.HttpClientFactory\" version=\"[16.4.0, 17.0.0)\"", manifest, StringComparison.Ordinal);

                // Redis is the CmuContracts.Redis package's: the core brings no StackExchange.Redis to anyone.
                Assert.DoesNotContain("Redis", manifest, StringComparison.OrdinalIgnoreCase);
            }

            Isolate(root, feed);

            // Refit 17 referenced directly: NuGet only warns (NU1608); the package's build check stops the build.
            var direct = Consumer(root, "refit17", version, """<PackageReference Include="Refit" Version="17.0.0" />""");
            var build = await PublishedClientApp.RunAsync("dotnet", "build -nologo -p:UseSharedCompilation=false", direct, Timeout);
            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("warning NU1608", build.Output, StringComparison.Ordinal);
            Assert.Contains("error CMU2001: CmuContracts is compiled against Refit 16.x (16.4 or later) and cannot run with Refit 17.0.0", build.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(direct, "bin", "Debug", "net10.0", "Consumer.dll")), "an app was built with Refit 17");

            // Refit 17 brought by Refit.HttpClientFactory 17: two transitive ranges that cannot meet (NU1107).
            var transitive = Consumer(root, "factory17", version, """<PackageReference Include="Refit.HttpClientFactory" Version="17.0.0" />""");
            var restore = await PublishedClientApp.RunAsync("dotnet", "restore", transitive, Timeout);
            Assert.NotEqual(0, restore.ExitCode);
            Assert.Contains("error NU1107", restore.Output, StringComparison.Ordinal);

            // Nothing asked of Refit: the package brings 16.4 and the generated clients run.
            var plain = Consumer(root, "plain", version, string.Empty);
            var run = await PublishedClientApp.RunAsync("dotnet", "run -p:UseSharedCompilation=false", plain, Timeout);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Refit 16.4.0: CmuContracts.AdobePass.Internal.RegistrationClient", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            TryDelete(root);
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            TryDelete(Path.Combine(cache, "cmucontracts", version));
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>No repository build files or central versions apply below <paramref name="root"/>; the feed adds to the usual sources.</summary>
    private static void Isolate(string root, string feed)
    {
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cmu-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    private static string Consumer(string root, string name, string version, string items)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CmuContracts" Version="{version}" />
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System.Reflection;
            using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
            var client = Refit.RestService.ForGenerated<CmuContracts.AdobePass.IRegistrationClient>(http);
            var refit = typeof(Refit.RestService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
            Console.WriteLine($"Refit {refit}: {client.GetType().FullName}");
            """);
        return directory;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leave it for the OS to clean up.
        }
    }
}
