using System.Text.Json;
using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Security;
using CmuContracts.Emulator.SoftwareStatements;
using CmuContracts.Emulator.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace CmuContracts.Emulator.Registration;

/// <summary><c>POST /o/client/register</c>: software statement in, client credentials out.</summary>
internal static class RegistrationEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost("/o/client/register", HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ApplicationRegistry applications,
        ClientRegistry clients,
        SigningKey key,
        TimeProvider clock,
        EmulatorStats stats,
        ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(typeof(RegistrationEndpoint));
        IResult Reject(string error, string reason)
        {
            Log.RegistrationRejected(logger, error, reason);
            return OAuthError.Result(error);
        }

        if (!IsJsonUtf8(context.Request.ContentType))
        {
            return Reject("invalid_request", "Content-Type must be application/json;charset=utf-8");
        }

        string? statement;
        string? redirectUri = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Reject("invalid_request", "body is not a JSON object");
            }

            if (HasDuplicateProperties(root))
            {
                return Reject("invalid_request", "a parameter is repeated");
            }

            statement = root.TryGetProperty("software_statement", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            // [I] null is what clients generated from Adobe's DCR description send for "no redirect URI": absent.
            if (root.TryGetProperty("redirect_uri", out var r) && r.ValueKind != JsonValueKind.Null)
            {
                if (r.ValueKind != JsonValueKind.String)
                {
                    return Reject("invalid_request", "redirect_uri is not a string");
                }

                redirectUri = r.GetString();
            }
        }
        catch (JsonException)
        {
            return Reject("invalid_request", "body is not valid JSON");
        }
        catch (BadHttpRequestException)
        {
            return Reject("invalid_request", "body exceeds the request limits");
        }

        if (string.IsNullOrEmpty(statement))
        {
            return Reject("invalid_request", "software_statement is missing");
        }

        switch (Jwt.TryRead(key, statement, out var payload))
        {
            case JwtFailure.Malformed:
                return Reject("invalid_software_statement", "not an RS256 JWT");
            case JwtFailure.BadSignature:
                return Reject("invalid_software_statement", "bad signature");
        }

        var now = clock.GetUtcNow();
        if (Jwt.GetString(payload, "iss") != SoftwareStatementIssuer.Issuer)
        {
            return Reject("invalid_software_statement", "wrong issuer");
        }

        if (Jwt.GetSeconds(payload, "nbf") is not { } nbf || nbf > now.ToUnixTimeSeconds())
        {
            return Reject("invalid_software_statement", "missing nbf or not yet valid");
        }

        var sub = Jwt.GetString(payload, "sub");
        if (sub is null || applications.FindById(sub) is not { } application)
        {
            return Reject("unapproved_software_statement", "unknown application");
        }

        if (applications.IsRevoked(application.Id))
        {
            return Reject("unapproved_software_statement", "statement revoked");
        }

        if (redirectUri is not null && !application.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return Reject("invalid_redirect_uri", "redirect_uri not allowed for the application");
        }

        var client = clients.Register(application.Id, now.ToUnixTimeMilliseconds(), redirectUri is null ? [] : [redirectUri]);
        stats.CountRegistration();
        Log.ClientRegistered(logger, client.ClientId, application.Id);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return Results.Json(
            new Dictionary<string, object>
            {
                ["client_id"] = client.ClientId,
                ["client_secret"] = client.ClientSecret,
                ["client_id_issued_at"] = client.IssuedAtMs,
                ["redirect_uris"] = client.RedirectUris,
                ["grant_types"] = application.GrantTypes.ToArray(),
                ["scopes"] = application.Scopes.ToArray(),
            },
            statusCode: StatusCodes.Status201Created);
    }

    private static bool IsJsonUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = media.Charset.Value;
        return charset is null || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasDuplicateProperties(JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return true;
            }
        }

        return false;
    }
}
