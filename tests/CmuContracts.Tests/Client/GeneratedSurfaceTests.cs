using System.Text.Json;
using CmuContracts.AdobePass;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Client;

/// <summary>DI registration, JSON resolver and models work without touching the network.</summary>
public sealed class GeneratedSurfaceTests
{
    [Fact]
    public void AddClient_registers_typed_clients_with_the_spec_servers_as_default_base_addresses()
    {
        var services = new ServiceCollection();
        var builder = services.AddAdobePassUsageReportsClient();
        services.AddAdobePassRegistrationClient(c => c.BaseAddress = new Uri("http://127.0.0.1:5080/o"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(typeof(IUsageReportsClient).Name.Length > 0, builder.Name.Length > 0);
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        Assert.Equal(new Uri("https://mgmt.auth.adobe.com/cmu/v2"), factory.CreateClient(builder.Name).BaseAddress);
        Assert.IsType<UsageReportsClient>(provider.GetRequiredService<IUsageReportsClient>());
        Assert.IsType<RegistrationClient>(provider.GetRequiredService<IRegistrationClient>());
    }

    [Fact]
    public void JsonContext_lets_JsonSerializer_round_trip_generated_types_without_reflection()
    {
        var token = JsonSerializer.Deserialize("""{"access_token":"abc","expires_in":"60","token_type":"bearer"}""", AdobePassJsonContext.Default.AccessToken);
        Assert.Equal(60, token!.ExpiresIn);

        var json = JsonSerializer.Serialize(new Link { Href = "/cmu/v2/tenant", Name = "tenant" }, AdobePassJsonContext.Default.Link);

        Assert.Equal("""{"href":"/cmu/v2/tenant","name":"tenant"}""", json);
    }

    [Fact]
    public void Extensible_enums_compare_by_value_and_keep_unknown_values()
    {
        OAuthErrorError known = "invalid_request";
        var unknown = new OAuthErrorError("new_code");

        Assert.Equal(OAuthErrorError.InvalidRequest, known);
        Assert.True(known.IsKnown);
        Assert.False(unknown.IsKnown);
        Assert.Equal("new_code", unknown.ToString());
    }

    [Fact]
    public void Models_carrying_secrets_do_not_print_them()
    {
        object[] models =
        [
            new ClientRegistrationRequest { SoftwareStatement = "SECRET-STATEMENT" },
            new ClientRegistration { ClientId = "id", ClientSecret = "SECRET-CLIENT" },
            new AccessTokenRequest { GrantType = AccessTokenRequestGrantType.ClientCredentials, ClientId = "id", ClientSecret = "SECRET-CLIENT" },
            new AccessToken { AccessTokenValue = "SECRET-TOKEN" },
        ];

        Assert.All(models, model => Assert.DoesNotContain("SECRET", model.ToString(), StringComparison.Ordinal));
    }
}
