namespace CmuContracts.Auth;

/// <summary>Where <c>AddCmuClient</c> keeps client credentials and the current access token.</summary>
public enum CredentialStorage
{
    /// <summary>
    /// A JSON file (mode 0600, replaced atomically): <see cref="CmuClientOptions.CredentialStorePath"/>, else
    /// <c>credentials.json</c> in the user's cmu folder (<see cref="CmuUserFolder"/>), shared with the <c>cmu</c>
    /// tool. Adobe asks clients to register once and reuse a token until it expires, across runs too.
    /// </summary>
    File,

    /// <summary>This process only: every new process registers again. For tests and throwaway runs.</summary>
    Memory,
}
