using CmuContracts.AdobePass;

namespace CmuContracts;

/// <summary>
/// The base addresses of each environment, from the spec's <c>servers</c> as the generator emits them
/// (<see cref="RegistrationOperations.Servers"/>, <see cref="UsageReportsOperations.Servers"/>): the spec lists each
/// client's servers in <see cref="CmuEnvironment"/>'s order (Release production, Release staging, Pre-Qualification
/// production, Pre-Qualification staging), and an environment past the end of a list has no documented host.
/// </summary>
internal static class CmuEndpoints
{
    /// <summary>The only CMU host Adobe documents: production, Release environment [D].</summary>
    public const string DocumentedCmuHost = UsageReportsOperations.DefaultServerUrl + "/";

    /// <summary>The environment's DCR and token base address (all four are documented: Adobe's own DCR OpenAPI servers).</summary>
    public static Uri Registration(CmuEnvironment environment) =>
        ServerOf(RegistrationOperations.Servers, environment) ?? new(RegistrationOperations.DefaultServerUrl + "/");

    /// <summary>
    /// The environment's CMU base address, or null where the spec lists none (Adobe documents only production): a
    /// guessed host would send credentials to an address nobody promised, so those need an explicit address.
    /// </summary>
    public static Uri? Cmu(CmuEnvironment environment) => ServerOf(UsageReportsOperations.Servers, environment);

    private static Uri? ServerOf(IReadOnlyList<ApiServer> servers, CmuEnvironment environment) =>
        (int)environment >= 0 && (int)environment < servers.Count ? new(servers[(int)environment].Url + "/") : null;
}
