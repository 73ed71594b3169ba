namespace CmuContracts.Tests.SpecEdits;

/// <summary>
/// A console app built against the library compiled from an edited spec copy. It asks <c>IUsageReports</c> for one
/// report and prints, one JSON object a line: whether the query's path is in the generated index (<c>isInSpec</c>),
/// whether the generated <c>ReportMetric.KnownValues</c> holds the metric (<c>knownMetric</c>), then per record its
/// <c>dimensions</c> and the metric's <c>value</c>. The app's use of the public API is all here, in
/// <see cref="Program"/>: adjust it here when the report model's public names change.
/// </summary>
internal static class SpecCopyApp
{
    public const string Name = "SpecCopyApp";

    /// <summary>Environment variable carrying the software statement (never a command-line argument, which process listings show).</summary>
    public const string StatementVariable = "SPEC_COPY_SOFTWARE_STATEMENT";

    /// <summary>Arguments: registration base, CMU base, path, metric, start, end (ISO-8601).</summary>
    public const string Program = """
        using System.Globalization;
        using System.Text.Json;
        using CmuContracts.Reports;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var (registration, cmu, path, metric) = (args[0], args[1], args[2], args[3]);
        var start = DateTimeOffset.Parse(args[4], CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(args[5], CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cmu:SoftwareStatement"] = Environment.GetEnvironmentVariable("SPEC_COPY_SOFTWARE_STATEMENT"),
            ["Cmu:RegistrationBaseAddress"] = registration,
            ["Cmu:CmuBaseAddress"] = cmu,
            ["Cmu:CredentialStorage"] = "memory",
        }).Build();
        await using var provider = new ServiceCollection().AddCmuClient(configuration.GetSection("Cmu")).Services.BuildServiceProvider();
        var reports = provider.GetRequiredService<IUsageReports>();

        var query = UsageReportQuery.Parse(path).Between(start, end).WithMetrics(metric);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["isInSpec"] = query.IsInSpec }));
        var known = CmuContracts.AdobePass.ReportMetric.KnownValues.Any(m => m.Value == metric);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["knownMetric"] = known }));
        var report = await reports.GetReportAsync(query);
        foreach (var record in report.Records)
        {
            var dimensions = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d, d => record.GetDimension(d));
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?> { ["dimensions"] = dimensions, ["value"] = record.GetMetric(metric) }));
        }
        """;

    /// <summary>The project: outside the copied tree's build settings (its own empty Directory.Build files).</summary>
    public static string Project(string libraryProject) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{libraryProject}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Writes the app into <paramref name="directory"/>, referencing the library project at <paramref name="libraryProject"/>.</summary>
    public static void WriteTo(string directory, string libraryProject)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Name + ".csproj"), Project(libraryProject));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
    }
}
