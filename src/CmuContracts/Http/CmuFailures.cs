using System.Net;
using System.Text.Json;
using CmuContracts.Auth;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;
using ApiRequestOptions = CmuContracts.AdobePass.ApiRequestOptions;

namespace CmuContracts.Http;

/// <summary>
/// Turns what the HTTP layer throws or answers into the library's exception family: a non-success answer into a
/// <see cref="CmuServiceException"/> (Refit's <see cref="ApiException"/> inside), a lost or refused connection into a
/// <see cref="CmuTransportException"/>, a Polly timeout into a <see cref="CmuTimeoutException"/>. Messages hold the
/// operation, the method and path (never the query), the status and, for a plain-text answer, its first line: no
/// header, no request body, so never a secret.
/// </summary>
internal static class CmuFailures
{
    private const int MaxReason = 300;

    /// <summary>Refit's <c>ExceptionFactory</c>: null for a success, else the wrapped answer.</summary>
    public static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response, RefitSettings settings)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var request = response.RequestMessage;
        var api = await ApiException.Create(request!, request?.Method ?? HttpMethod.Get, response, settings).ConfigureAwait(false);
        return Service(api, OperationOf(request));
    }

    /// <summary>A non-success answer as the service's exception.</summary>
    public static CmuServiceException Service(ApiException api, string? operationId)
    {
        var status = (int)api.StatusCode;
        var code = ErrorCode(api);
        var reason = Reason(api);
        var detail = code is not null ? $", error '{code}'" : reason is not null ? ": " + reason : string.Empty;
        return new CmuServiceException($"{Describe(operationId, api.HttpMethod, api.Uri)} failed: HTTP {status} {api.ReasonPhrase ?? api.StatusCode.ToString()}{detail}.", api)
        {
            StatusCode = status,
            ErrorCode = code,
            OperationId = operationId,
            Remedy = Remedy(operationId, status, code),
        };
    }

    /// <summary>A success answer whose body could not be read (Refit's deserialization failure).</summary>
    public static CmuServiceException Unreadable(HttpResponseMessage response, Exception failure)
    {
        var operationId = OperationOf(response.RequestMessage);
        var request = response.RequestMessage;
        return new CmuServiceException($"{Describe(operationId, request?.Method, request?.RequestUri)} answered HTTP {(int)response.StatusCode} with a body that could not be read as the spec describes it.", failure)
        {
            StatusCode = (int)response.StatusCode,
            OperationId = operationId,
            Remedy = "Check that the base address points at the Adobe Pass service (a proxy or login page may have answered); if it does, report the answer to the library's maintainers.",
        };
    }

    /// <summary>
    /// The library's exception for a success answer whose body broke off while it was read (the connection lost or
    /// reset mid-body, a truncated compressed stream), or null when <paramref name="exception"/> is none of those.
    /// </summary>
    public static CmuTransportException? BrokenBody(Exception exception, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // HttpClient reports a body lost while it buffered it as "Error while copying content to a stream".
        if (exception is not (IOException or InvalidDataException or HttpRequestException { InnerException: IOException or InvalidDataException })
            || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var request = response.RequestMessage;
        var operationId = OperationOf(request);
        return new CmuTransportException($"{Describe(operationId, request?.Method, request?.RequestUri)} answered HTTP {(int)response.StatusCode}, but the answer broke off while it was read: {FirstLine(exception.Message)}", exception)
        {
            StatusCode = (int)response.StatusCode,
            OperationId = operationId,
            Remedy = "The connection was lost mid-answer: try again; nothing partial was returned as complete.",
        };
    }

    /// <summary>
    /// The library's exception for a failure to get an answer, or null when <paramref name="exception"/> is none: a
    /// cancellation the caller asked for, or an exception the library does not own.
    /// </summary>
    public static CmuException? Transport(Exception exception, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operationId = OperationOf(request);
        var what = Describe(operationId, request.Method, request.RequestUri);
        return exception switch
        {
            CmuException => null,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            TimeoutRejectedException timeout => new CmuTimeoutException($"{what} got no answer within {Seconds(timeout.Timeout)}.", timeout)
            {
                OperationId = operationId,
                Timeout = timeout.Timeout,
                Remedy = "The service was slow or unreachable: try again later, or allow more time (CmuResilienceOptions.AttemptTimeout and TotalTimeout).",
            },
            BrokenCircuitException circuit => new CmuTransportException($"{what} was not sent: the circuit breaker is open after recent failures.", circuit)
            {
                OperationId = operationId,
                Remedy = "Try again once the circuit breaker's break is over.",
            },
            RateLimiterRejectedException limited => new CmuTransportException($"{what} was not sent: the rate limiter refused it.", limited)
            {
                OperationId = operationId,
                Remedy = limited.RetryAfter is { } after ? $"Try again in {Seconds(after)}, or send fewer calls at once." : "Send fewer calls at once, or try again later.",
            },
            ExecutionRejectedException rejected => new CmuTransportException($"{what} was not sent: a resilience strategy refused it ({rejected.GetType().Name}).", rejected)
            {
                OperationId = operationId,
                Remedy = "Try again later.",
            },
            HttpRequestException http => new CmuTransportException($"{what} got no answer: {FirstLine(http.Message)}", http)
            {
                StatusCode = http.StatusCode is { } s ? (int)s : null,
                OperationId = operationId,
                Remedy = "Check the network and the base address (CmuClientOptions.RegistrationBaseAddress, CmuBaseAddress, Environment), then try again.",
            },
            _ => null,
        };
    }

    /// <summary>The operationId the generated code (or the reports' own requests) put on the request.</summary>
    public static string? OperationOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(ApiRequestOptions.OperationId, out var id) ? id : null;

    /// <summary>
    /// The service's error code: the OAuth <c>error</c> of a JSON body (DCR and token answers [D], and the protected
    /// APIs' <c>access_denied</c>/<c>invalid_client</c> [D]), else the <c>error</c> of a Bearer challenge (RFC 6750).
    /// </summary>
    internal static string? ErrorCode(ApiException api)
    {
        if (api.Content is { Length: > 0 } content && IsJson(api.ContentHeaders?.ContentType?.MediaType))
        {
            try
            {
                using var document = JsonDocument.Parse(content);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("error", out var error)
                    && error.ValueKind == JsonValueKind.String
                    && error.GetString() is { Length: > 0 and <= 100 } code)
                {
                    return code;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: no code.
            }
        }

        foreach (var challenge in api.Headers?.WwwAuthenticate ?? Enumerable.Empty<System.Net.Http.Headers.AuthenticationHeaderValue>())
        {
            if (challenge.Parameter is { } parameter && ChallengeError(parameter) is { } code)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>What to do about a status and code, in the terms of the operation that got it.</summary>
    internal static string Remedy(string? operationId, int status, string? code)
    {
        var advice = operationId switch
        {
            OAuthErrorAdvice.RegistrationOperation => OAuthErrorAdvice.ForRegistration(code),
            OAuthErrorAdvice.TokenOperation => OAuthErrorAdvice.ForToken(code),
            _ => null,
        };
        if (advice is not null)
        {
            return advice;
        }

        var cmu = operationId is not (OAuthErrorAdvice.RegistrationOperation or OAuthErrorAdvice.TokenOperation);
        return status switch
        {
            400 when cmu => "CMU refused the query: correct what its reason names (a dimension, metric, filter, start, end or limit).",
            400 => "The server found the request malformed: check that no proxy alters it.",
            401 => "The access token was refused (it was renewed and the call sent again once): check that this client has CMU access in this environment.",
            403 => "This client may not use the service: ask Adobe (tve-support@adobe.com) to enable CMU access for the application of the software statement.",
            404 when cmu => "The path is not a CMU report on this server: check the dimensions and CmuClientOptions.CmuBaseAddress.",
            404 or 405 or 406 => "Check that the base address points at the Adobe Pass service (CmuClientOptions.RegistrationBaseAddress, CmuBaseAddress).",
            408 or 429 or 503 => "The service is busy or throttling this client: wait (at least 1 s, or as long as Retry-After says) and try again.",
            >= 500 => "The service failed: try again later; if it persists, contact Adobe (tve-support@adobe.com).",
            _ => "Check the request against the service's documentation.",
        };
    }

    private static string? Reason(ApiException api)
    {
        var mediaType = api.ContentHeaders?.ContentType?.MediaType;

        // Only a GET's (no body): a proxy's text answer to a POST might echo the form, client secret included.
        if (api.HttpMethod != HttpMethod.Get || api.Content is not { Length: > 0 } content || IsJson(mediaType) || content.TrimStart().StartsWith('<')
            || (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)))
        {
            return null; // CMU's reasons are plain text [D]; JSON carries a code, HTML (a throttle page) nothing useful.
        }

        var line = FirstLine(content);
        return line.Length <= MaxReason ? line : line[..MaxReason] + "…";
    }

    private static string Describe(string? operationId, HttpMethod? method, Uri? uri)
    {
        var where = uri is null ? null : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var call = $"{method?.Method ?? "The request"} {where}".Trim();
        return operationId is null ? call : $"{operationId} ({call})";
    }

    private static string? ChallengeError(string parameter)
    {
        const string Key = "error=\"";
        var start = parameter.IndexOf(Key, StringComparison.OrdinalIgnoreCase);
        if (start < 0 || (start > 0 && parameter[start - 1] is not (' ' or ',')))
        {
            return null;
        }

        start += Key.Length;
        var end = parameter.IndexOf('"', start);
        return end > start && end - start <= 100 ? parameter[start..end] : null;
    }

    private static bool IsJson(string? mediaType) => mediaType is not null
        && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
