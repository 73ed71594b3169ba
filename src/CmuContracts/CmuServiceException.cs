namespace CmuContracts;

/// <summary>
/// An Adobe Pass service answered with a non-success status (or with a body that could not be read). Carries the
/// status, the service's error code when its body had one (the OAuth <c>error</c> of DCR and token answers), the
/// operation and what to do; Refit's <see cref="Refit.ApiException"/>, with the headers and body, is the inner
/// exception.
/// </summary>
public class CmuServiceException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CmuServiceException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    public CmuServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    /// <param name="innerException">The cause, usually Refit's <see cref="Refit.ApiException"/>.</param>
    public CmuServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Refit's exception for the answer (status, headers, body), when Refit made one.</summary>
    public Refit.ApiException? ApiException => InnerException as Refit.ApiException;
}
