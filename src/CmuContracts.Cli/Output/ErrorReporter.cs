using System.Net;
using System.Net.Sockets;
using CmuContracts.Auth;
using CmuContracts.Reports;
using Polly.Timeout;

namespace CmuContracts.Cli.Output;

/// <summary>
/// Turns a failure into its exit code and one clear line. Library messages never carry secrets; server bodies
/// (plain-text CMU reasons, OAuth error codes) are cut to their first line. A report over the server's row limit
/// keeps its whole message: what reached the limit, and how to narrow it with the tool's flags.
/// </summary>
internal static class ErrorReporter
{
    private const int MaxServerText = 300;

    /// <summary>The exit code and the error line (one line, without the <c>cmu: error: </c> prefix).</summary>
    public static (int ExitCode, string Message) Classify(Exception exception)
    {
        switch (exception)
        {
            case IncompleteOutputException { InnerException: { } cause } incomplete:
                var (code, message) = Classify(cause);
                return (code, $"{message} {incomplete.Message}");
            case UsageReportLimitException limit:
                return (ExitCodes.Server, Flatten(LimitMessage(limit)));
            default:
                var (other, line) = ClassifyOther(exception);
                return (other, OneLine(line));
        }
    }

    public static string OneLine(string text)
    {
        var line = Flatten(text);
        return line.Length <= MaxServerText ? line : line[..MaxServerText] + "…";
    }

    private static string Flatten(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The library's account of what reached the limit, with its remedy in the tool's terms (the library's names the
    /// query API: Where, WithLimit, AllowPartial).
    /// </summary>
    private static string LimitMessage(UsageReportLimitException limit)
    {
        var what = limit.Remedy is { Length: > 0 } remedy && limit.Message.EndsWith(remedy, StringComparison.Ordinal)
            ? limit.Message[..^remedy.Length].TrimEnd()
            : limit.Message;
        var timed = limit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(UsageDimensions.IsTime);
        var narrow = !timed
            ? "Narrow it with --filter, or add --granularity so that it is fetched in time windows (rows per period)"
            : limit.WindowStart is null
                ? "Give --start and --end, or narrow it with --filter"
                : "Narrow it with --filter, or use a finer --granularity so that it is fetched in smaller time windows";
        return $"{what} {narrow}; or take the first {limit.Limit} rows with --limit {limit.Limit} (marked truncated).";
    }

    private static (int ExitCode, string Message) ClassifyOther(Exception exception)
    {
        // The pipeline wraps a registration or token request that never reached the server in its typed
        // exception, with the transport failure inside: that is a network problem, not an auth one.
        if (exception is ClientRegistrationException or AccessTokenRequestException && IsNetwork(exception.InnerException, out var unreachable))
        {
            return (ExitCodes.Network, unreachable);
        }

        switch (exception)
        {
            case CliUsageException usage:
                return (ExitCodes.Usage, usage.Message);
            case PlatformNotSupportedException platform:
                return (ExitCodes.Failure, platform.Message);
            case SoftwareStatementException statement:
                return (ExitCodes.Auth, statement.Message);
            case ClientRegistrationException registration:
                return (ExitCodes.Auth, registration.Message);
            case AccessTokenRequestException token when token.StatusCode is null or < 500:
                return (ExitCodes.Auth, token.Message + (token.IsInvalidClient ? " Run 'cmu register --force' to register again." : string.Empty));
            case AccessTokenRequestException token:
                return (ExitCodes.Server, token.Message);
            case CmuAuthenticationException authentication:
                return (ExitCodes.Auth, authentication.Message);
            case CredentialStoreException store:
                return (ExitCodes.Auth, store.Message);
            case Refit.ApiException api:
                return Api(api);
            case CmuException cmu:
                return (cmu.StatusCode is 401 or 403 ? ExitCodes.Auth : ExitCodes.Server, cmu.Message);
        }

        if (IsNetwork(exception, out var what))
        {
            return (ExitCodes.Network, what);
        }

        return (ExitCodes.Failure, $"internal error ({exception.GetType().Name}): {OneLine(exception.Message)}");
    }

    private static (int, string) Api(Refit.ApiException api)
    {
        var status = (int)api.StatusCode;
        var reason = string.IsNullOrWhiteSpace(api.Content) || api.Content.TrimStart().StartsWith('<') ? api.ReasonPhrase ?? api.StatusCode.ToString() : OneLine(api.Content);
        var where = api.Uri is { } uri ? uri.AbsolutePath : "the request";
        var message = $"{where}: HTTP {status}: {reason}";
        return api.StatusCode switch
        {
            HttpStatusCode.Unauthorized => (ExitCodes.Auth, message + " (the access token was refused)"),
            HttpStatusCode.Forbidden => (ExitCodes.Auth, message + " (this client has no CMU access: ask Adobe to enable it)"),
            HttpStatusCode.TooManyRequests => (ExitCodes.Server, $"{where}: HTTP 429: throttled by the server; wait a few seconds and retry"),
            _ => (ExitCodes.Server, message),
        };
    }

    private static bool IsNetwork(Exception? exception, out string message)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket:
                    message = $"cannot reach the server: {socket.Message}";
                    return true;
                case HttpRequestException http when http.StatusCode is null:
                    message = $"cannot reach the server: {OneLine(http.Message)}";
                    return true;
                case TimeoutRejectedException timeout:
                    message = $"the server did not answer in time ({timeout.Timeout.TotalSeconds:0.#} s)";
                    return true;
                case TaskCanceledException when e.InnerException is TimeoutException:
                    message = "the server did not answer in time";
                    return true;
            }
        }

        message = string.Empty;
        return false;
    }
}
