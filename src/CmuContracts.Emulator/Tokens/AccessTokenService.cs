using System.Text.Json;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Registration;
using CmuContracts.Emulator.Security;
using CmuContracts.Emulator.SoftwareStatements;

namespace CmuContracts.Emulator.Tokens;

/// <summary>An access token as returned by <c>POST /o/client/token</c>.</summary>
internal sealed record IssuedToken(string Id, string AccessToken, long CreatedAtMs, int ExpiresIn);

/// <summary>The outcome of checking a bearer token.</summary>
internal sealed record BearerCheck(RegisteredClient? Client, EmulatorApplication? Application, string? Failure)
{
    public bool Ok => Failure is null;
}

/// <summary>Issues RS256 access tokens (<c>sub</c>, <c>iss</c>, comma-separated <c>scopes</c>, <c>iat</c>/<c>nbf</c>/<c>exp</c>) and checks them.</summary>
internal sealed class AccessTokenService(SigningKey key, TimeProvider clock, EmulatorOptions options, ClientRegistry clients, ApplicationRegistry applications)
{
    public IssuedToken Issue(RegisteredClient client, EmulatorApplication application)
    {
        var now = clock.GetUtcNow();
        var seconds = now.ToUnixTimeSeconds();
        var ttl = options.TokenLifetimeSeconds;
        var token = Jwt.Sign(key, w =>
        {
            w.WriteString("sub", client.ClientId);
            w.WriteString("iss", SoftwareStatementIssuer.Issuer);
            w.WriteString("scopes", string.Join(',', application.Scopes));
            w.WriteNumber("nbf", seconds);
            w.WriteNumber("iat", seconds);
            w.WriteNumber("exp", seconds + ttl);
        });
        return new IssuedToken(Guid.NewGuid().ToString(), token, now.ToUnixTimeMilliseconds(), ttl);
    }

    public BearerCheck Check(string? token, bool forceExpired)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new BearerCheck(null, null, "missing bearer token");
        }

        switch (Jwt.TryRead(key, token, out JsonElement payload))
        {
            case JwtFailure.Malformed:
                return new BearerCheck(null, null, "malformed access token");
            case JwtFailure.BadSignature:
                return new BearerCheck(null, null, "invalid access token signature");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Jwt.GetString(payload, "iss") != SoftwareStatementIssuer.Issuer)
        {
            return new BearerCheck(null, null, "wrong access token issuer");
        }

        if (forceExpired || Jwt.GetSeconds(payload, "exp") is not { } exp || exp <= now)
        {
            return new BearerCheck(null, null, "access token expired");
        }

        if (Jwt.GetSeconds(payload, "nbf") is { } nbf && nbf > now)
        {
            return new BearerCheck(null, null, "access token not yet valid");
        }

        var sub = Jwt.GetString(payload, "sub");
        if (sub is null || clients.Find(sub) is not { } client || applications.FindById(client.ApplicationId) is not { } app)
        {
            return new BearerCheck(null, null, "unknown client");
        }

        return new BearerCheck(client, app, null);
    }

    /// <summary>Reads the <c>sub</c> of a correctly signed token without other checks (to revoke its client).</summary>
    public string? SubjectOf(string? token) =>
        Jwt.TryRead(key, token, out var payload) == JwtFailure.None ? Jwt.GetString(payload, "sub") : null;
}
