using System.Diagnostics;

namespace CmuContracts.Tests.Trimming;

/// <summary>
/// A small console app that binds and validates <c>AddCmuClient</c>'s options (the generated binder and validator) and
/// uses the generated Refit clients through <c>RestService.ForGenerated</c> and the generated
/// <c>AddRefitGeneratedClient</c> extension against a loopback server given as its argument. It is
/// published (trimmed or NativeAOT) into a temporary directory outside the repository, then run.
/// </summary>
internal static class PublishedClientApp
{
    public const string AppName = "ClientApp";

    /// <summary>What the app prints when it is served the responses of <see cref="Script"/>.</summary>
    public const string ExpectedOutput = """
        2 00:01:00 Memory
        invalid: Resilience.MaxRetryAttempts, DeviceInfo.Model, TokenRefreshBuffer, Environment
        205 year True
        {"software_statement":"s"}
        CmuContracts.AdobePass.Internal client-1
        21600
        ExampleTenant 205
        tenant,active-users|ExampleTenant,205
        400 invalid_software_statement
        30 DistributedCredentialStore

        """;

    private const string Program = """
        using System.Text.Json;
        using CmuContracts.AdobePass;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using Refit;

        var server = new Uri(args[0]);

        // AddCmuClient's options: bound by the generated configuration binder, checked by the generated validator.
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CmuBaseAddress"] = new Uri(server, "/cmu/v2/").ToString(),
            ["SoftwareStatement"] = "h.p.s",
            ["CredentialStorage"] = "memory",
            ["Resilience:MaxRetryAttempts"] = "2",
            ["Resilience:TotalTimeout"] = "00:01:00",
        }).Build();
        await using (var bound = new ServiceCollection().AddCmuClient(section).Services.BuildServiceProvider())
        {
            var options = bound.GetRequiredService<IOptions<CmuContracts.CmuClientOptions>>().Value;
            Console.WriteLine(options.Resilience.MaxRetryAttempts + " " + options.Resilience.TotalTimeout + " " + options.CredentialStorage);
        }

        await using (var invalid = new ServiceCollection().AddCmuClient(o =>
        {
            o.SoftwareStatement = "h.p.s";
            o.Resilience.MaxRetryAttempts = 11;
            o.DeviceInfo.Model = "";
            o.TokenRefreshBuffer = TimeSpan.FromSeconds(-1);
            o.Environment = (CmuContracts.CmuEnvironment)42;
            o.CmuBaseAddress = server;
        }).Services.BuildServiceProvider())
        {
            try
            {
                _ = invalid.GetRequiredService<IOptions<CmuContracts.CmuClientOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                string[] settings = ["Resilience.MaxRetryAttempts", "DeviceInfo.Model", "TokenRefreshBuffer", "Environment"];
                Console.WriteLine("invalid: " + string.Join(", ", settings.Where(s => ex.Failures.Any(f => f.Contains("CmuClientOptions." + s + " ", StringComparison.Ordinal)))));
            }
        }

        // The JSON resolver, without any client.
        var json = "{\"_links\":{\"self\":{\"href\":\"/cmu/v2/tenant\"},\"drill-down\":[{\"href\":\"/cmu/v2/tenant/year\",\"name\":\"year\"}]},\"report\":[{\"tenant\":\"T\",\"active-users\":\"205\"}]}";
        var parsed = JsonSerializer.Deserialize(json, AdobePassJsonContext.Default.UsageReport)!;
        var oauth = JsonSerializer.Deserialize("{\"error\":\"invalid_client\"}", AdobePassJsonContext.Default.OAuthError)!;
        Console.WriteLine(parsed.Report[0].ActiveUsers + " " + parsed.Links.DrillDown!.LinkList![0].Name + " " + oauth.Error.IsKnown);
        Console.WriteLine(JsonSerializer.Serialize(new ClientRegistrationRequest { SoftwareStatement = "s" }, AdobePassJsonContext.Default.ClientRegistrationRequest));

        // RestService.ForGenerated: JSON body in, JSON out.
        using var dcr = new HttpClient { BaseAddress = new Uri(server, "/o") };
        var registrations = RestService.ForGenerated<IRegistrationClient>(dcr, new RefitSettings());
        var registration = await registrations.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "h.p.s" });
        Console.WriteLine(registrations.GetType().Namespace + " " + registration.ClientId);

        // The generated DI extension (AddRefitGeneratedClient): form body in, numeric strings out.
        var services = new ServiceCollection();
        services.AddAdobePassTokenClient().ConfigureHttpClient(c => c.BaseAddress = new Uri(server, "/o"));
        await using var provider = services.BuildServiceProvider();
        var token = await provider.GetRequiredService<ITokenClient>().CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
        });
        Console.WriteLine(token.ExpiresIn);

        // A secured report as HAL JSON and as CSV, the token from Refit's getter.
        using var cmu = new HttpClient { BaseAddress = new Uri(server, "/cmu/v2") };
        var reports = RestService.ForGenerated<IUsageReportsClient>(cmu, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(token.AccessToken) });
        var report = await reports.GetTenantAsync(limit: 2, metrics: ["active-users"]);
        Console.WriteLine(report.Report[0].Tenant + " " + report.Report[0].ActiveUsers);
        Console.WriteLine((await reports.GetTenantAsCsvAsync()).Trim().Replace('\n', '|'));

        // A declared error body, read without reflection.
        try
        {
            await registrations.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "bad" });
        }
        catch (ApiException ex) when (ex.TryGetOAuthError(out var error))
        {
            Console.WriteLine((int)ex.StatusCode + " " + error.Error);
        }

        // The Redis package: UseRedis set up and its options validated; Redis is contacted on first use only.
        var fleet = new ServiceCollection();
        fleet.AddCmuClient(o =>
        {
            o.RegistrationBaseAddress = new Uri(server, "/o/");
            o.CmuBaseAddress = new Uri(server, "/cmu/v2/");
        }).UseRedis("127.0.0.1:1");
        await using (var fleetProvider = fleet.BuildServiceProvider())
        {
            var redis = fleetProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CmuContracts.CmuRedisOptions>>().Value;
            Console.WriteLine(redis.LockLease.TotalSeconds + " " + fleetProvider.GetRequiredService<CmuContracts.Auth.ICredentialStore>().GetType().Name);
        }
        """;

    /// <summary>Writes the app with the given publish properties (e.g. PublishTrimmed or PublishAot) into <paramref name="directory"/>.</summary>
    public static async Task WriteAsync(string directory, string publishProperties)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "CmuContracts", "CmuContracts.csproj");
        var redisProject = Path.Combine(RepositoryRoot(), "src", "CmuContracts.Redis", "CmuContracts.Redis.csproj");
        await File.WriteAllTextAsync(Path.Combine(directory, AppName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
                {publishProperties}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{project}" />
                <ProjectReference Include="{redisProject}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), Program);
    }

    /// <summary>The responses, in call order, that make the app print <see cref="ExpectedOutput"/>.</summary>
    public static IEnumerable<Infrastructure.ScriptedResponse> Script()
    {
        yield return Infrastructure.ScriptedResponse.Json(201, """{"client_id":"client-1","client_secret":"secret-1"}""");
        yield return Infrastructure.ScriptedResponse.Json(201, """{"access_token":"token-1","expires_in":"21600","token_type":"bearer"}""");
        yield return new Infrastructure.ScriptedResponse(200, "application/json", """{"_links":{"self":{"href":"/cmu/v2/tenant"}},"report":[{"tenant":"ExampleTenant","active-users":"205"}]}""");
        yield return new Infrastructure.ScriptedResponse(200, "text/csv", "tenant,active-users\nExampleTenant,205\n");
        yield return Infrastructure.ScriptedResponse.Json(400, """{"error":"invalid_software_statement"}""");
    }

    public static string RepositoryRoot()
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

    /// <summary>Runs a process to completion (killing it and its children after <paramref name="timeout"/>).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string directory, TimeSpan timeout)
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
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {arguments} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
