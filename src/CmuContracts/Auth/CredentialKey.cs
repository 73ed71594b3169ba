namespace CmuContracts.Auth;

/// <summary>
/// Which credentials: one software id at one registration endpoint (the environment or an override).
/// Neither part is secret.
/// </summary>
public readonly record struct CredentialKey(string SoftwareId, string Endpoint)
{
    /// <summary>The key for a software id at a registration base address.</summary>
    public static CredentialKey For(string softwareId, Uri registrationBaseAddress) =>
        new(softwareId, registrationBaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/'));

    /// <summary>A single-string form, used by file and distributed stores.</summary>
    public override string ToString() => SoftwareId + "@" + Endpoint;
}
