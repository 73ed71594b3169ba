using System.Net;
using System.Net.Sockets;
using CmuContracts.Auth;
using Polly.Timeout;

namespace CmuContracts.Cli.Output;

/// <summary>
/// Turns a failure into its exit code and one clear line. Library messages never carry secrets; server bodies
/// (plain-text CMU reasons, OAuth error codes) are cut to their first line.
/// </summary>
internal static class ErrorReporter
{
    private const int MaxServerText = 300;

    public static (int ExitCode, string Message) Classify(Exception exception)
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
        }

        if (IsNetwork(exception, out var what))
        {
            return (ExitCodes.Network, what);
        }

        return (ExitCodes.Failure, $"internal error ({exception.GetType().Name}): {OneLine(exception.Message)}");
    }

    public static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxServerText ? line : line[..MaxServerText] + "…";
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
