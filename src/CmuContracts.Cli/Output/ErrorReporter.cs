using CmuContracts.AdobePass;
using CmuContracts.Auth;
using CmuContracts.Reports;
using Microsoft.Extensions.Options;

namespace CmuContracts.Cli.Output;

/// <summary>
/// Turns a failure into its exit code and one clear line: the library's failures are all <see cref="CmuException"/>,
/// invalid settings <see cref="OptionsValidationException"/>, the rest the tool's own. Library messages never carry secrets; server bodies
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
        var timed = limit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(d => new ReportDimension(d).IsTime);
        var narrow = !timed
            ? "Narrow it with --filter, or add --granularity so that it is fetched in time windows (rows per period)"
            : limit.WindowStart is null
                ? "Give --start and --end, or narrow it with --filter"
                : "Narrow it with --filter, or use a finer --granularity so that it is fetched in smaller time windows";
        return $"{what} {narrow}; or take the first {limit.Limit} rows with --limit {limit.Limit} (marked truncated).";
    }

    private static (int ExitCode, string Message) ClassifyOther(Exception exception) => exception switch
    {
        CliUsageException usage => (ExitCodes.Usage, usage.Message),
        OptionsValidationException invalid => (ExitCodes.Usage, Settings(invalid)),
        PlatformNotSupportedException platform => (ExitCodes.Failure, platform.Message),

        // A registration or token request that got no answer is a network problem, not an auth one.
        ClientRegistrationException or AccessTokenRequestException when exception.InnerException is CmuTransportException transport => Network(transport),
        AccessTokenRequestException { StatusCode: >= 500 } token => (ExitCodes.Server, token.Message),
        AccessTokenRequestException token => (ExitCodes.Auth, token.Message + (token.IsInvalidClient ? " Run 'cmu register --force' to register again." : string.Empty)),
        SoftwareStatementException or ClientRegistrationException or CmuAuthenticationException or CredentialStoreException => (ExitCodes.Auth, exception.Message),
        CmuServiceException service => Service(service),
        CmuTransportException transport => Network(transport),
        CmuException cmu => (cmu.StatusCode is 401 or 403 ? ExitCodes.Auth : ExitCodes.Server, cmu.Message),
        _ => (ExitCodes.Failure, $"internal error ({exception.GetType().Name}): {OneLine(exception.Message)}"),
    };

    /// <summary>The settings the library refused, named as the tool's settings are.</summary>
    internal static string Settings(OptionsValidationException invalid) => string.Join(" ", invalid.Failures.Select(f =>
    {
        // The generated validator puts the member's name first ("Model: CmuClientOptions.DeviceInfo.Model is empty...").
        var named = f.IndexOf(": ", StringComparison.Ordinal);
        var line = named > 0 && !f[..named].Contains(' ', StringComparison.Ordinal) && f.Contains("CmuClientOptions.", StringComparison.Ordinal) ? f[(named + 2)..] : f;
        return line.Replace("CmuClientOptions.", "setting ", StringComparison.Ordinal);
    }));

    /// <summary>The path, the status and CMU's plain-text reason (the status's name when the body is empty or HTML).</summary>
    private static (int, string) Service(CmuServiceException service)
    {
        var api = service.ApiException;
        var status = service.StatusCode ?? (api is null ? 0 : (int)api.StatusCode);
        var reason = api is null
            ? service.Message
            : string.IsNullOrWhiteSpace(api.Content) || api.Content.TrimStart().StartsWith('<') ? api.ReasonPhrase ?? api.StatusCode.ToString() : OneLine(api.Content);
        var where = api?.Uri is { } uri ? uri.AbsolutePath : service.OperationId ?? "the request";
        var message = $"{where}: HTTP {status}: {reason}";
        return status switch
        {
            401 => (ExitCodes.Auth, message + " (the access token was refused)"),
            403 => (ExitCodes.Auth, message + " (this client has no CMU access: ask Adobe to enable it)"),
            429 => (ExitCodes.Server, $"{where}: HTTP 429: throttled by the server; wait a few seconds and retry"),
            _ => (ExitCodes.Server, message),
        };
    }

    private static (int, string) Network(CmuTransportException transport) => transport switch
    {
        CmuTimeoutException { Timeout: { } timeout } => (ExitCodes.Network, $"the server did not answer in time ({timeout.TotalSeconds:0.#} s)"),
        CmuTimeoutException => (ExitCodes.Network, "the server did not answer in time"),
        { InnerException: HttpRequestException http } => (ExitCodes.Network, $"cannot reach the server: {OneLine(http.Message)}"),
        _ => (ExitCodes.Network, OneLine(transport.Message)),
    };
}
