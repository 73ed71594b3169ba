namespace CmuContracts.Auth;

/// <summary>
/// What to do about each error code Adobe documents for registration and token requests [D]. Appended to the
/// messages of <see cref="ClientRegistrationException"/> and <see cref="AccessTokenRequestException"/>.
/// </summary>
internal static class OAuthErrorAdvice
{
    /// <summary>The spec's operationId of the registration call.</summary>
    public const string RegistrationOperation = "registerClient";

    /// <summary>The spec's operationId of the token call.</summary>
    public const string TokenOperation = "createAccessToken";

    private const string NewStatement =
        "Download a new software statement from the TVE Dashboard (Registered Applications, Download), and check the environment: a statement works only in the environment (Production, Staging, ...) whose dashboard issued it, and Adobe may have revoked it (tve-support@adobe.com).";

    /// <summary>Advice for a registration answer's <c>error</c>, or null for an unknown code.</summary>
    public static string? ForRegistration(string? error) => error switch
    {
        "invalid_request" => "The server found the registration request malformed (a missing, repeated or unsupported parameter): check that the software statement is the downloaded file's whole text and that no proxy alters the request.",
        "invalid_redirect_uri" => "The redirect URI is not one of the application's domains in the TVE Dashboard: set CmuClientOptions.RedirectUri to one of them, or leave it unset.",
        "invalid_software_statement" => "The software statement is not valid here. " + NewStatement,
        "unapproved_software_statement" => "The software statement is not approved here (unknown to this environment, or revoked). " + NewStatement,
        "unauthorized_client" => "The application may not register here. " + NewStatement,
        _ => null,
    };

    /// <summary>Advice for a token answer's <c>error</c>, or null for an unknown code.</summary>
    public static string? ForToken(string? error) => error switch
    {
        "invalid_request" => "The server found the token request malformed (a missing or repeated parameter, or more than one way of authenticating the client): check that no proxy alters the request.",
        "invalid_client" => "The credentials are unknown to this server (registered in another environment, or revoked): register again.",
        "unauthorized_client" => "The client may not use the client_credentials grant (its application or statement may have been revoked). " + NewStatement,
        "unsupported_grant_type" => "The server does not accept grant_type client_credentials at this address: check the environment or the registration base address.",
        _ => null,
    };

    /// <summary><paramref name="message"/>, then the advice when there is one.</summary>
    public static string Append(string message, string? advice) => advice is null ? message : message + " " + advice;
}
