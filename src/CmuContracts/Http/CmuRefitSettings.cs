using Refit;

namespace CmuContracts.Http;

/// <summary>The Refit settings of the clients <c>AddCmuClient</c> registers.</summary>
internal static class CmuRefitSettings
{
    /// <summary>
    /// Refit's settings with its failure hooks pointed at the library's exception family: a non-success answer is a
    /// <see cref="CmuServiceException"/> (<see cref="ApiException"/> inside), an unreadable body too, and the access
    /// pipeline's own exceptions (all <see cref="CmuException"/>, thrown by its handlers before or instead of a
    /// response) reach the caller as they are instead of inside Refit's <see cref="ApiRequestException"/>.
    /// </summary>
    public static RefitSettings Create()
    {
        var settings = new RefitSettings();
        var wrap = settings.TransportExceptionFactory;
        settings.ExceptionFactory = response => CmuFailures.FromResponseAsync(response, settings);
        // A body that broke off mid-way is a transport failure, not an unreadable answer (Refit reports both here).
        settings.DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(
            CmuFailures.BrokenBody(exception, response, CancellationToken.None)
            ?? (Exception)CmuFailures.Unreadable(response, exception));
        settings.TransportExceptionFactory = (request, exception, cancellationToken) => exception is CmuException
            ? exception
            : CmuFailures.Transport(exception, request, cancellationToken) ?? wrap(request, exception, cancellationToken);
        return settings;
    }
}
