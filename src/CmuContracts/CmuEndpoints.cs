namespace CmuContracts;

/// <summary>The base addresses of each environment.</summary>
internal static class CmuEndpoints
{
    // DCR hosts are documented for all four environments. Only the production CMU host is
    // documented; the others follow the management hosts' naming, which is an inference.
    public static Uri Registration(CmuEnvironment environment) => environment switch
    {
        CmuEnvironment.Staging => new("https://sp.auth-staging.adobe.com/o/"),
        CmuEnvironment.PreQualification => new("https://sp-prequal.auth.adobe.com/o/"),
        CmuEnvironment.PreQualificationStaging => new("https://sp-prequal.auth-staging.adobe.com/o/"),
        _ => new("https://sp.auth.adobe.com/o/"),
    };

    public static Uri Cmu(CmuEnvironment environment) => environment switch
    {
        CmuEnvironment.Staging => new("https://mgmt.auth-staging.adobe.com/cmu/v2/"),
        CmuEnvironment.PreQualification => new("https://mgmt-prequal.auth.adobe.com/cmu/v2/"),
        CmuEnvironment.PreQualificationStaging => new("https://mgmt-prequal.auth-staging.adobe.com/cmu/v2/"),
        _ => new("https://mgmt.auth.adobe.com/cmu/v2/"),
    };
}
