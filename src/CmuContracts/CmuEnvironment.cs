namespace CmuContracts;

/// <summary>
/// Adobe Pass environments: Release and Pre-Qualification, each with a production and a staging profile.
/// </summary>
public enum CmuEnvironment
{
    /// <summary>Release, production profile: <c>sp.auth.adobe.com</c> and <c>mgmt.auth.adobe.com</c>.</summary>
    Production,

    /// <summary>Release, staging profile: <c>sp.auth-staging.adobe.com</c>; the CMU host is inferred.</summary>
    Staging,

    /// <summary>Pre-Qualification, production profile: <c>sp-prequal.auth.adobe.com</c>; the CMU host is inferred.</summary>
    PreQualification,

    /// <summary>Pre-Qualification, staging profile: <c>sp-prequal.auth-staging.adobe.com</c>; the CMU host is inferred.</summary>
    PreQualificationStaging,
}
