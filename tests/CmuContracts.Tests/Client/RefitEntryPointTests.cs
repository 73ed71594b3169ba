using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CmuContracts.Tests.Client;

/// <summary>
/// Every Refit entry point hands out the implementation our generator emitted (registered from its module
/// initializer), never a reflection proxy or Refit's own generated code.
/// </summary>
public sealed class RefitEntryPointTests
{
    private const string ImplementationNamespace = "CmuContracts.AdobePass.Internal";

    [Fact]
    public void RestServiceForReturnsTheGeneratedImplementation()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };

        AssertGenerated<IRegistrationClient>(RestService.For<IRegistrationClient>(http));
        AssertGenerated<ITokenClient>(RestService.For<ITokenClient>(http, new RefitSettings()));
        AssertGenerated<IUsageReportsClient>(RestService.For<IUsageReportsClient>("http://127.0.0.1:9/cmu/v2"));
    }

    [Fact]
    public void RestServiceForGeneratedReturnsTheGeneratedImplementation()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };

        AssertGenerated<IRegistrationClient>(RestService.ForGenerated<IRegistrationClient>(http, new RefitSettings()));
        AssertGenerated<ITokenClient>(RestService.ForGenerated<ITokenClient>(http, new RefitSettings()));
        AssertGenerated<IUsageReportsClient>(RestService.ForGenerated<IUsageReportsClient>(http, new RefitSettings()));
    }

    [Fact]
    public void AddRefitGeneratedClientResolvesTheGeneratedImplementation()
    {
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<IUsageReportsClient>(_ => new RefitSettings())
            .ConfigureHttpClient(c => c.BaseAddress = new Uri("http://127.0.0.1:9/cmu/v2"));
        using var provider = services.BuildServiceProvider();

        AssertGenerated<IUsageReportsClient>(provider.GetRequiredService<IUsageReportsClient>());
    }

    [Fact]
    public void GeneratedDIExtensionsResolveTheGeneratedImplementations()
    {
        var services = new ServiceCollection();
        services.AddAdobePassRegistrationClient();
        services.AddAdobePassTokenClient(_ => new RefitSettings());
        services.AddAdobePassUsageReportsClient(_ => null);
        using var provider = services.BuildServiceProvider();

        AssertGenerated<IRegistrationClient>(provider.GetRequiredService<IRegistrationClient>());
        AssertGenerated<ITokenClient>(provider.GetRequiredService<ITokenClient>());
        AssertGenerated<IUsageReportsClient>(provider.GetRequiredService<IUsageReportsClient>());
    }

    [Fact]
    public void GeneratedDIExtensionsDefaultTheBaseAddressToTheSpecServers()
    {
        var services = new ServiceCollection();
        var reports = services.AddAdobePassUsageReportsClient();
        var registration = services.AddAdobePassRegistrationClient();
        var token = services.AddAdobePassTokenClient();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(new Uri("https://mgmt.auth.adobe.com/cmu/v2"), factory.CreateClient(reports.Name).BaseAddress);
        Assert.Equal(new Uri("https://sp.auth.adobe.com/o"), factory.CreateClient(registration.Name).BaseAddress);
        Assert.Equal(new Uri("https://sp.auth.adobe.com/o"), factory.CreateClient(token.Name).BaseAddress);
        Assert.Equal(3, new[] { reports.Name, registration.Name, token.Name }.Distinct().Count());
    }

    [Fact]
    public async Task GeneratedDIExtensionBaseAddressIsOverriddenByConfigureHttpClient()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a","client_secret":"b"}"""));
        var services = new ServiceCollection();
        var builder = services.AddAdobePassRegistrationClient()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri(server.BaseAddress, "/o"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(new Uri(server.BaseAddress, "/o"), provider.GetRequiredService<IHttpClientFactory>().CreateClient(builder.Name).BaseAddress);
        var registration = await provider.GetRequiredService<IRegistrationClient>()
            .RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "s" });

        Assert.Equal("a", registration.ClientId);
        Assert.Equal("/o/client/register", server.OnlyRequest().Path);
    }

    [Fact]
    public void GeneratedDIExtensionPassesTheSettingsFactoryThrough()
    {
        var services = new ServiceCollection();
        var resolved = 0;
        services.AddAdobePassUsageReportsClient(_ =>
        {
            resolved++;
            return new RefitSettings();
        });
        using var provider = services.BuildServiceProvider();

        _ = provider.GetRequiredService<IUsageReportsClient>();

        Assert.True(resolved > 0, "the settings factory given to the generated extension was never called");
    }

    private static void AssertGenerated<T>(T client)
    {
        var type = client!.GetType();
        Assert.Equal(ImplementationNamespace, type.Namespace);
        Assert.Same(typeof(T).Assembly, type.Assembly);
        Assert.True(typeof(T).IsAssignableFrom(type));
    }
}
