using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Logging;

/// <summary>
/// Every log line the emulator writes. None of them takes a software statement, a client secret,
/// an access token, an Authorization header or a query string: only ids, names, paths and codes.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Issued a software statement for application {ApplicationName} ({ApplicationId})")]
    public static partial void StatementIssued(ILogger logger, string applicationName, string applicationId);

    [LoggerMessage(2, LogLevel.Information, "Revoked the software statements of application {ApplicationName} ({ApplicationId})")]
    public static partial void StatementsRevoked(ILogger logger, string applicationName, string applicationId);

    [LoggerMessage(3, LogLevel.Information, "Registered client {ClientId} for application {ApplicationId}")]
    public static partial void ClientRegistered(ILogger logger, string clientId, string applicationId);

    [LoggerMessage(4, LogLevel.Warning, "Registration rejected: {Error} ({Reason})")]
    public static partial void RegistrationRejected(ILogger logger, string error, string reason);

    [LoggerMessage(5, LogLevel.Information, "Issued access token {TokenId} to client {ClientId}, expires in {ExpiresIn} s")]
    public static partial void TokenIssued(ILogger logger, string tokenId, string clientId, int expiresIn);

    [LoggerMessage(6, LogLevel.Warning, "Token request rejected: {Error} ({Reason})")]
    public static partial void TokenRejected(ILogger logger, string error, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Bearer token rejected on {Path}: {Reason}")]
    public static partial void BearerRejected(ILogger logger, string path, string reason);

    [LoggerMessage(8, LogLevel.Information, "Report {Path} answered {Rows} rows in {ElapsedMs} ms")]
    public static partial void ReportServed(ILogger logger, string path, int rows, double elapsedMs);

    [LoggerMessage(9, LogLevel.Warning, "Report request {Path} rejected with {Status}: {Reason}")]
    public static partial void ReportRejected(ILogger logger, string path, int status, string reason);

    [LoggerMessage(10, LogLevel.Information, "Throttled {Method} {Path} from {ClientIp}")]
    public static partial void Throttled(ILogger logger, string method, string path, string clientIp);

    [LoggerMessage(11, LogLevel.Information, "Injecting fault {Fault} into {Method} {Path}")]
    public static partial void FaultInjected(ILogger logger, string fault, string method, string path);

    [LoggerMessage(12, LogLevel.Information, "Forgot the credentials of client {ClientId}")]
    public static partial void ClientRevoked(ILogger logger, string clientId);

    [LoggerMessage(13, LogLevel.Information, "Loaded {Count} CMU report paths from the spec")]
    public static partial void ReportTreeLoaded(ILogger logger, int count);

    [LoggerMessage(14, LogLevel.Warning, "Malformed request {Method} {Path} answered 400 ({Exception})")]
    public static partial void MalformedRequest(ILogger logger, string method, string path, string exception);
}
