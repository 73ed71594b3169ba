namespace CmuContracts.Generator.Tests.Packaging;

/// <summary>
/// A console app that references only the generator package (and, when asked, a Refit of its choice) and three corpus
/// specs: YAML and JSON, query, path, JSON and form bodies. It calls the generated clients through
/// <c>RestService.ForGenerated</c> and the generated <c>AddRefitGeneratedClient</c> extension against a handler that
/// records each request (no network), and prints what was sent, so runs on other frameworks or Refits compare as text.
/// </summary>
internal static class GeneratorConsumer
{
    /// <summary>The last line of the output names the runtime and Refit majors; every line above must match across runs.</summary>
    public const string VersionsLinePrefix = "runtime ";

    public static readonly (string Corpus, string FileName)[] Specs =
    {
        ("library-catalogue", "library.openapi.yaml"),
        ("ticket-office", "ticket-office.openapi.yaml"),
        // A JSON spec takes the System.Text.Json reader inside the real compiler.
        ("parcel-tracking", "parcels.openapi.json"),
    };

    public const string Program = """
        using System.Text;
        using System.Text.Json;
        using Consumer.Library;
        using Consumer.TicketOffice;
        using Microsoft.Extensions.DependencyInjection;

        var recorder = new Recorder();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
        var books = Refit.RestService.ForGenerated<IBooksClient>(http);
        var tickets = Refit.RestService.ForGenerated<ITicketOfficeClient>(http);
        await books.ListBooksAsync(genre: Genre.Poetry, subject: ["odes", "greek lyric"], author: ["Pindar", "Horace"], limit: 2);
        await tickets.SearchEventsAsync(new SearchEventsRequest { Text = "Winter quartets & more", PageSize = 5 });
        await tickets.ListEventsAsync(venue: "Grand Hall");

        var services = new ServiceCollection();
        services.AddLibraryBooksClient().ConfigurePrimaryHttpMessageHandler(() => recorder)
            .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://127.0.0.1:9/di/"));
        using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IBooksClient>().ListBooksAsync(limit: 1);
        }

        Console.Write(recorder.Log);
        Console.WriteLine(JsonSerializer.Serialize(new NewBook { Isbn = "9780140449136", Title = "Odes", Genre = Genre.Poetry }, LibraryJsonContext.Options));
        Console.WriteLine(JsonSerializer.Serialize(new Consumer.Parcels.Depot { Code = "LYS-2", Name = "Lyon" }, Consumer.Parcels.ParcelsJsonContext.Options));
        Console.WriteLine(books.GetType().FullName + " " + tickets.GetType().FullName);
        Console.WriteLine($"runtime {Environment.Version.Major}, Refit {typeof(Refit.RestService).Assembly.GetName().Version!.Major}");

        // Answers every request with an empty JSON array and records what was sent.
        sealed class Recorder : HttpMessageHandler
        {
            public StringBuilder Log { get; } = new();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = request.Content is null ? "-" : await request.Content.ReadAsStringAsync(cancellationToken);
                Log.Append(request.Method).Append(' ').Append(request.RequestUri!.AbsoluteUri).Append(' ').Append(body).Append('\n');
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
            }
        }
        """;

    /// <summary>
    /// The project: <paramref name="targetFrameworks"/> (one or several), warnings as errors, the package at
    /// <paramref name="version"/>, and <paramref name="items"/> (further package references). With a runtime identifier
    /// the app is self-contained, so each target framework runs on its own runtime even where only a newer one is installed.
    /// </summary>
    public static string Project(string version, string targetFrameworks, string? runtimeIdentifier = null, string items = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFrameworks>{targetFrameworks}</TargetFrameworks>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>Consumer</RootNamespace>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            {(runtimeIdentifier is null ? string.Empty : $"<RuntimeIdentifier>{runtimeIdentifier}</RuntimeIdentifier><SelfContained>true</SelfContained>")}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="CmuContracts.Generator" Version="{version}" />
            {items}
          </ItemGroup>
        </Project>
        """;
}
