using System.Diagnostics;

namespace CmuContracts.Tests.Trimming;

/// <summary>
/// The generated client's JSON code needs no reflection: a trimmed, self-contained app with
/// reflection-based serialization switched off publishes without trim warnings and round-trips
/// the Adobe Pass models through <c>JsonSerializer</c> and the generated resolver.
/// </summary>
public sealed class TrimmedAppTests
{
    [Fact]
    [Trait("Category", "Publish")]
    public async Task Trimmed_app_without_reflection_serialization_reads_and_writes_generated_models()
    {
        var repo = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("cmu-trim-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "TrimmedApp.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                    <SelfContained>true</SelfContained>
                    <PublishTrimmed>true</PublishTrimmed>
                    <TrimmerSingleWarn>false</TrimmerSingleWarn>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{Path.Combine(repo, "src", "CmuContracts", "CmuContracts.csproj")}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "Program.cs"), """
                using System.Text.Json;
                using CmuContracts.AdobePass;

                var json = "{\"_links\":{\"self\":{\"href\":\"/cmu/v2/tenant\"},\"drill-down\":[{\"href\":\"/cmu/v2/tenant/year\",\"name\":\"year\"}]},\"report\":[{\"tenant\":\"T\",\"active-users\":\"205\"}]}";
                var report = JsonSerializer.Deserialize(json, AdobePassJsonContext.Default.UsageReport)!;
                var error = JsonSerializer.Deserialize("{\"error\":\"invalid_client\"}", AdobePassJsonContext.Default.OAuthError)!;
                Console.WriteLine(report.Report[0].ActiveUsers + " " + report.Links.DrillDown!.LinkList![0].Name + " " + error.Error.IsKnown);
                Console.WriteLine(JsonSerializer.Serialize(new ClientRegistrationRequest { SoftwareStatement = "s" }, AdobePassJsonContext.Default.ClientRegistrationRequest));
                """);

            var publish = await RunAsync("dotnet", $"publish \"{work.FullName}\" -c Release -o \"{Path.Combine(work.FullName, "out")}\"", work.FullName);
            Assert.True(publish.ExitCode == 0, "publish failed:\n" + publish.Output);
            Assert.DoesNotContain("warning IL", publish.Output, StringComparison.Ordinal);

            var run = await RunAsync(Path.Combine(work.FullName, "out", "TrimmedApp"), string.Empty, work.FullName);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("205 year True\n{\"software_statement\":\"s\"}\n", run.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CmuContracts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CmuContracts.sln was not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
