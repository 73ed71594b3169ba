using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>Registration checks on statements the test signs itself with the emulator's (file-loaded) key.</summary>
public sealed class StatementValidationTests(KeyFileEmulatorFixture fixture) : IClassFixture<KeyFileEmulatorFixture>
{
    private static readonly long Now = SharedEmulatorFixture.Now.ToUnixTimeSeconds();

    private async Task<string> RegisterErrorAsync(object claims, string alg = "RS256")
    {
        using var response = await fixture.Client.RegisterAsync(TestJwt.Sign(fixture.Key, claims, alg));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    [Fact]
    public async Task StatementSignedWithTheLoadedKeyIsAccepted()
    {
        var statement = TestJwt.Sign(fixture.Key, new { sub = EmulatorOptions.DemoApplicationId, nbf = Now, iss = "auth.adobe.com", iat = Now });

        using var response = await fixture.Client.RegisterAsync(statement);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task WrongIssuerIsInvalidSoftwareStatement() =>
        Assert.Equal("invalid_software_statement", await RegisterErrorAsync(new { sub = EmulatorOptions.DemoApplicationId, nbf = Now, iss = "evil.example.com", iat = Now }));

    [Fact]
    public async Task FutureNbfIsInvalidSoftwareStatement() =>
        Assert.Equal("invalid_software_statement", await RegisterErrorAsync(new { sub = EmulatorOptions.DemoApplicationId, nbf = Now + 3600, iss = "auth.adobe.com", iat = Now }));

    [Fact]
    public async Task MissingNbfIsInvalidSoftwareStatement() =>
        Assert.Equal("invalid_software_statement", await RegisterErrorAsync(new { sub = EmulatorOptions.DemoApplicationId, iss = "auth.adobe.com", iat = Now }));

    [Fact]
    public async Task OtherAlgorithmIsInvalidSoftwareStatement() =>
        Assert.Equal("invalid_software_statement", await RegisterErrorAsync(new { sub = EmulatorOptions.DemoApplicationId, nbf = Now, iss = "auth.adobe.com", iat = Now }, "RS512"));

    [Fact]
    public async Task UnknownApplicationIsUnapprovedSoftwareStatement() =>
        Assert.Equal("unapproved_software_statement", await RegisterErrorAsync(new { sub = Guid.NewGuid().ToString(), nbf = Now, iss = "auth.adobe.com", iat = Now }));

    [Fact]
    public async Task ApplicationRevokedByConfigurationIsUnapprovedSoftwareStatement() =>
        Assert.Equal("unapproved_software_statement", await RegisterErrorAsync(new { sub = EmulatorOptions.NoCmuApplicationId, nbf = Now, iss = "auth.adobe.com", iat = Now }));
}
