namespace CmuContracts;

/// <summary>
/// The base addresses of each environment, as the spec's <c>servers</c> lists give them (the generator emits only the
/// first server of each client, as its default base address, so these are written here and
/// <c>CmuEndpointsTests</c> checks them against the spec's <c>servers</c>, in the spec's order).
/// </summary>
internal static class CmuEndpoints
{
    /// <summary>The only CMU host Adobe documents: production, Release environment [D].</summary>
    public const string DocumentedCmuHost = "https://mgmt.auth.adobe.com/cmu/v2/";

    // All four DCR hosts are documented (Adobe's own DCR OpenAPI servers).
    public static Uri Registration(CmuEnvironment environment) => environment switch
    {
        CmuEnvironment.Staging => new("https://sp.auth-staging.adobe.com/o/"),
        CmuEnvironment.PreQualification => new("https://sp-prequal.auth.adobe.com/o/"),
        CmuEnvironment.PreQualificationStaging => new("https://sp-prequal.auth-staging.adobe.com/o/"),
        _ => new("https://sp.auth.adobe.com/o/"),
    };

    /// <summary>
    /// The environment's CMU base address, or null where Adobe documents none (every environment but production):
    /// a guessed host would send credentials to an address nobody promised, so those need an explicit address.
    /// </summary>
    public static Uri? Cmu(CmuEnvironment environment) => environment == CmuEnvironment.Production ? new(DocumentedCmuHost) : null;
}
