namespace CmuContracts.Auth;

/// <summary>A credential store cannot be read or written. Never carries a secret.</summary>
public sealed class CredentialStoreException : Exception
{
    public CredentialStoreException()
    {
    }

    public CredentialStoreException(string message)
        : base(message)
    {
    }

    public CredentialStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
