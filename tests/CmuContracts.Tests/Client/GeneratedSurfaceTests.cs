using System.Text.Json;
using CmuContracts.AdobePass;

namespace CmuContracts.Tests.Client;

/// <summary>JSON resolver and models work without touching the network.</summary>
public sealed class GeneratedSurfaceTests
{
    [Fact]
    public void JsonContextLetsJsonSerializerRoundTripGeneratedTypesWithoutReflection()
    {
        var token = JsonSerializer.Deserialize("""{"access_token":"abc","expires_in":"60","token_type":"bearer"}""", AdobePassJsonContext.Default.AccessTokenResponse);
        Assert.Equal(60, token!.ExpiresIn);

        var json = JsonSerializer.Serialize(new Link { Href = "/cmu/v2/tenant", Name = "tenant" }, AdobePassJsonContext.Default.Link);

        Assert.Equal("""{"href":"/cmu/v2/tenant","name":"tenant"}""", json);
    }

    [Fact]
    public void ReflectionBasedJsonSerializerUsesTheGeneratedCodeThroughTheConverterAttribute()
    {
        // Default options resolve by reflection, so they reach the generated code only through [JsonConverter].
        var options = new JsonSerializerOptions();
        var error = new OAuthError { Error = OAuthErrorCode.InvalidClient, ErrorDescription = "register again" };

        var json = JsonSerializer.Serialize(error, options);
        var back = JsonSerializer.Deserialize<OAuthError>("""{"error":"invalid_client","error_description":"register again","extra":[1]}""", options)!;

        Assert.Equal(JsonSerializer.Serialize(error, AdobePassJsonContext.Default.OAuthError), json);
        Assert.Equal("""{"error":"invalid_client","error_description":"register again"}""", json);
        Assert.Equal(OAuthErrorCode.InvalidClient, back.Error);
        Assert.Equal("register again", back.ErrorDescription);
        Assert.Equal("\"invalid_client\"", JsonSerializer.Serialize(OAuthErrorCode.InvalidClient, options));
    }

    [Fact]
    public void ExtensibleEnumsCompareByValueAndKeepUnknownValues()
    {
        OAuthErrorCode known = "invalid_request";
        var unknown = new OAuthErrorCode("new_code");

        Assert.Equal(OAuthErrorCode.InvalidRequest, known);
        Assert.True(known.IsKnown);
        Assert.False(unknown.IsKnown);
        Assert.Equal("new_code", unknown.ToString());
    }

    [Fact]
    public void ModelsCarryingSecretsDoNotPrintThem()
    {
        object[] models =
        [
            new ClientRegistrationRequest { SoftwareStatement = "SECRET-STATEMENT" },
            new ClientRegistration { ClientId = "id", ClientSecret = "SECRET-CLIENT" },
            new AccessTokenRequest { GrantType = GrantType.ClientCredentials, ClientId = "id", ClientSecret = "SECRET-CLIENT" },
            new AccessTokenResponse { AccessToken = "SECRET-TOKEN" },
        ];

        Assert.All(models, model => Assert.DoesNotContain("SECRET", model.ToString(), StringComparison.Ordinal));
    }
}
