using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Tests.Infrastructure;
using CmuContracts.Tests.Conformance;

namespace CmuContracts.Emulator.Tests.Conformance;

/// <summary>The emulator's registration, token and error answers have the members and value kinds of Adobe's samples.</summary>
public sealed class AdobeDcrExamplesEmulatorTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    [Fact]
    public async Task RegistrationAnswersWithTheMembersOfAdobesSample()
    {
        using var response = await fixture.Client.RegisterAsync(await fixture.Client.StatementAsync());

        await AssertShapeAsync(HttpStatusCode.Created, AdobeDcrExamples.RegistrationSuccess, response);
    }

    [Fact]
    public async Task TokenAnswersWithTheMembersOfAdobesSample()
    {
        var (id, secret) = await fixture.Client.RegisterClientAsync();
        using var response = await fixture.Client.TokenAsync(id, secret);

        await AssertShapeAsync(HttpStatusCode.Created, AdobeDcrExamples.TokenSuccess, response);
    }

    [Fact]
    public async Task ARegistrationWithoutAStatementAnswersAdobesErrorSample()
    {
        using var response = await fixture.Client.RegisterRawAsync("{}");

        await AssertShapeAsync(HttpStatusCode.BadRequest, AdobeDcrExamples.ErrorInvalidRequest, response);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", body.RootElement.GetProperty("error").GetString());
    }

    /// <summary>The same status, JSON, and every member of Adobe's sample with the same JSON value kind.</summary>
    private static async Task AssertShapeAsync(HttpStatusCode status, string adobeSample, HttpResponseMessage response)
    {
        using var adobe = JsonDocument.Parse(adobeSample);
        using var ours = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        foreach (var member in adobe.RootElement.EnumerateObject())
        {
            Assert.True(ours.RootElement.TryGetProperty(member.Name, out var value), $"missing '{member.Name}'");
            Assert.Equal(member.Value.ValueKind, value.ValueKind);
        }
    }
}
