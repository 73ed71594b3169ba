namespace CmuContracts.Auth;

/// <summary>A credential store cannot be read or written. Never carries a secret.</summary>
public sealed class CredentialStoreException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CredentialStoreException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public CredentialStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public CredentialStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
