using Microsoft.Extensions.Logging;

namespace CmuContracts.Http;

/// <summary>
/// Every message of the access pipeline. Messages carry ids, software ids, client ids, statuses and
/// paths only: never a client secret, an access token or a software statement.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Registered software id {SoftwareId} at {Endpoint}: client id {ClientId}.")]
    public static partial void Registered(ILogger logger, string softwareId, string endpoint, string clientId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Client id {RejectedClientId} was rejected ({Reason}); registering software id {SoftwareId} again.")]
    public static partial void RegisteringAgain(ILogger logger, string? rejectedClientId, string reason, string softwareId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Access token acquired for client id {ClientId}; expires {ExpiresAt:u}.")]
    public static partial void TokenAcquired(ILogger logger, string clientId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "CMU answered 401 to {OperationId}; renewing the access token and sending once more.")]
    public static partial void RenewingAfter401(ILogger logger, string? operationId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "CMU answered 401 to {OperationId} again with a renewed token; giving up.")]
    public static partial void Persistent401(ILogger logger, string? operationId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "CMU answered 403 invalid_client to {OperationId}; registering again and sending once more.")]
    public static partial void InvalidClientOnCmu(ILogger logger, string? operationId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Credentials for {Key} could not be saved; they stay in memory for this process.")]
    public static partial void CredentialsNotSaved(ILogger logger, Exception exception, CmuContracts.Auth.CredentialKey key);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Using the fleet's shared access token for client id {ClientId}.")]
    public static partial void SharedTokenUsed(ILogger logger, string? clientId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Using credentials another instance registered for {Key}: client id {ClientId}.")]
    public static partial void SharedCredentialsUsed(ILogger logger, CmuContracts.Auth.CredentialKey key, string clientId);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{OperationId} cannot be re-sent after a 401 or 403 invalid_client: its content is not replayable.")]
    public static partial void NotReplayable(ILogger logger, string? operationId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "The secret of client id {ClientId} expires {ExpiresAt:u}; registering software id {SoftwareId} again before it does.")]
    public static partial void CredentialsExpiring(ILogger logger, string clientId, DateTimeOffset expiresAt, string softwareId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "The cmu folder {Folder} cannot be written: credentials and the access token stay in memory for this process, so the next one registers again. Make it writable, or set CMU_CONFIG_DIR or CmuClientOptions.CredentialStorePath.")]
    public static partial void UserFolderNotWritable(ILogger logger, Exception exception, string folder);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "No user folder to keep credentials in (no CMU_CONFIG_DIR, and no home folder): they stay in memory for this process. Set CMU_CONFIG_DIR or CmuClientOptions.CredentialStorePath.")]
    public static partial void NoUserFolder(ILogger logger);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "The access token for {Key} could not be saved; it stays in memory for this process.")]
    public static partial void TokenNotSaved(ILogger logger, Exception exception, CmuContracts.Auth.CredentialKey key);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "The credential file's lock {LockPath} cannot be created, so processes sharing the file are not serialised (nothing can be written beside it either).")]
    public static partial void FileLockUnavailable(ILogger logger, Exception exception, string lockPath);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Renewing the access token of client id {ClientId} failed ({ErrorType}); the current token, valid until {ExpiresAt:u}, keeps serving and renewal is tried again from {RetryAt:u}.")]
    public static partial void RenewalFailedTokenKept(ILogger logger, Exception exception, string? clientId, string errorType, DateTimeOffset expiresAt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "The acquisition this call shared lost its POST to {Endpoint} (no answer); trying once more with a fresh acquisition.")]
    public static partial void RetryingLostAcquisition(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "Credentials for {Key} were missing from the distributed store (Redis restarted without persistence, or was flushed): wrote back client id {ClientId} instead of registering again.")]
    public static partial void CredentialsWrittenBack(ILogger logger, CmuContracts.Auth.CredentialKey key, string clientId);

    [LoggerMessage(EventId = 19, Level = LogLevel.Warning, Message = "Credentials for {Key} could not be written back to the distributed store; they stay in memory and are written back when it answers again.")]
    public static partial void WriteBackFailed(ILogger logger, Exception exception, CmuContracts.Auth.CredentialKey key);
}
