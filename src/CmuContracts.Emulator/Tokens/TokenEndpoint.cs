using System.Security.Cryptography;
using System.Text;
using CmuContracts.Emulator.Faults;
using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Registration;
using CmuContracts.Emulator.SoftwareStatements;
using CmuContracts.Emulator.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CmuContracts.Emulator.Tokens;

/// <summary><c>POST /o/client/token</c>: client credentials in a form body or the query string.</summary>
internal static class TokenEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost("/o/client/token", HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ClientRegistry clients,
        ApplicationRegistry applications,
        AccessTokenService tokens,
        EmulatorStats stats,
        EmulatorOptions options,
        ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(typeof(TokenEndpoint));
        IResult Reject(string error, string reason)
        {
            Log.TokenRejected(logger, error, reason);
            return OAuthError.Result(error);
        }

        var request = context.Request;
        IFormCollection? form = null;
        if (IsUrlEncodedForm(request.ContentType))
        {
            try
            {
                form = await request.ReadFormAsync(FormLimits(options.RequestLimits), context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                // Too many keys, a key or value too long, or a body over MaxBodyBytes: a malformed request, not a crash.
                return Reject("invalid_request", "form body exceeds the request limits");
            }
        }
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            return Reject("invalid_request", "body is not application/x-www-form-urlencoded");
        }

        if (request.Headers.Authorization.Count > 0)
        {
            return Reject("invalid_request", "more than one client authentication mechanism");
        }

        string? Single(string name, out bool repeated)
        {
            var values = StringValues.Concat(request.Query[name], form?[name] ?? StringValues.Empty);
            repeated = values.Count > 1;
            return values.Count == 1 ? values[0] : null;
        }

        var grantType = Single("grant_type", out var r1);
        var clientId = Single("client_id", out var r2);
        var clientSecret = Single("client_secret", out var r3);
        if (r1 || r2 || r3)
        {
            return Reject("invalid_request", "a parameter is repeated");
        }

        if (string.IsNullOrEmpty(grantType))
        {
            return Reject("invalid_request", "grant_type is missing");
        }

        if (grantType != "client_credentials")
        {
            return Reject("unsupported_grant_type", "only client_credentials is supported");
        }

        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return Reject("invalid_request", "client_id or client_secret is missing");
        }

        if (RequestFaults.Get(context).RevokeClient && clients.Forget(clientId))
        {
            Log.ClientRevoked(logger, clientId);
        }

        if (clients.Find(clientId) is not { } client || !SecretsEqual(client.ClientSecret, clientSecret))
        {
            return Reject("invalid_client", "unknown client or wrong secret");
        }

        if (applications.FindById(client.ApplicationId) is not { } application
            || applications.IsRevoked(application.Id)
            || !application.GrantTypes.Contains("client_credentials", StringComparer.Ordinal))
        {
            return Reject("unauthorized_client", "the client's application may not use client_credentials");
        }

        var issued = tokens.Issue(client, application);
        stats.CountToken();
        Log.TokenIssued(logger, issued.Id, client.ClientId, issued.ExpiresIn);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return Results.Json(
            new Dictionary<string, object>
            {
                ["id"] = issued.Id,
                ["access_token"] = issued.AccessToken,
                ["created_at"] = issued.CreatedAtMs,
                ["expires_in"] = issued.ExpiresIn,
                ["token_type"] = "bearer",
            },
            statusCode: StatusCodes.Status201Created);
    }

    private static FormOptions FormLimits(RequestLimits limits) => new()
    {
        ValueCountLimit = limits.MaxFormKeys,
        KeyLengthLimit = limits.MaxFormKeyLength,
        ValueLengthLimit = limits.MaxFormValueLength,
        BufferBody = false,
    };

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static bool SecretsEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
