using CmuContracts.Auth;
using Refit;

namespace CmuContracts.Http;

/// <summary>The Refit settings of the clients <c>AddCmuClient</c> registers.</summary>
internal static class CmuRefitSettings
{
    /// <summary>
    /// Refit's settings with one change: the access pipeline's own typed exceptions, thrown by its
    /// handlers before or instead of a response, reach the caller as they are. Refit's default
    /// transport factory would wrap them in <see cref="ApiRequestException"/>, hiding the typed error
    /// (a malformed software statement, a refused registration) one level down.
    /// </summary>
    public static RefitSettings Create()
    {
        var settings = new RefitSettings();
        var wrap = settings.TransportExceptionFactory;
        settings.TransportExceptionFactory = (request, exception, cancellationToken) => exception is SoftwareStatementException
            or ClientRegistrationException or AccessTokenRequestException or CmuAuthenticationException or CredentialStoreException
            or CmuException
            ? exception
            : wrap(request, exception, cancellationToken);
        return settings;
    }
}
