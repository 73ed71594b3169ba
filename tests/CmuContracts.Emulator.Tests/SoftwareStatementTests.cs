using System.Net;
using System.Text;
using System.Text.Json;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class SoftwareStatementTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private static JsonElement Part(string jwt, int index)
    {
        var s = jwt.Split('.')[index].Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(s))).RootElement.Clone();
    }

    [Fact]
    public async Task StatementIsAnRs256JwtShapedLikeAdobes()
    {
        var jwt = await fixture.Client.StatementAsync("demo");

        Assert.Equal(3, jwt.Split('.').Length);
        Assert.Equal("RS256", Part(jwt, 0).GetProperty("alg").GetString());
        var payload = Part(jwt, 1);
        Assert.Equal(EmulatorOptions.DemoApplicationId, payload.GetProperty("sub").GetString());
        Assert.Equal("auth.adobe.com", payload.GetProperty("iss").GetString());
        Assert.Equal(SharedEmulatorFixture.Now.ToUnixTimeSeconds(), payload.GetProperty("iat").GetInt64());
        Assert.Equal(SharedEmulatorFixture.Now.ToUnixTimeSeconds(), payload.GetProperty("nbf").GetInt64());
        Assert.Equal(4, payload.EnumerateObject().Count());
    }

    [Fact]
    public async Task StatementCanBeFetchedByApplicationId()
    {
        var jwt = await fixture.Client.StatementAsync(EmulatorOptions.NoCmuApplicationId);

        Assert.Equal(EmulatorOptions.NoCmuApplicationId, Part(jwt, 1).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task UnknownApplicationIs404()
    {
        using var response = await fixture.Client.Http.GetAsync(new Uri("emulator/software-statements/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PublicKeyIsServedAsPem()
    {
        var pem = await fixture.Client.Http.GetStringAsync(new Uri("emulator/public-key", UriKind.Relative));

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
    }
}
