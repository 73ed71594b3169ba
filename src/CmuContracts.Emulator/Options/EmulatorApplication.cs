namespace CmuContracts.Emulator.Options;

/// <summary>A registered application as configured in the (emulated) TVE Dashboard.</summary>
public sealed class EmulatorApplication
{
    /// <summary>Application id: the <c>sub</c> of its software statements (a UUID in real statements).</summary>
    public string Id { get; set; } = "";

    /// <summary>Short name, also accepted by <c>GET /emulator/software-statements/{app}</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether tokens of clients registered with this application may read CMU reports.</summary>
    public bool CmuAccess { get; set; }

    /// <summary>Redirect URIs the application's dashboard domains allow (exact, ordinal match).</summary>
    public IList<string> RedirectUris { get; set; } = [];

    /// <summary>Scopes granted to clients registered with this application.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>Grant types the application may use; a token request for a client whose application lacks
    /// <c>client_credentials</c> gets <c>unauthorized_client</c>.</summary>
    public IList<string> GrantTypes { get; set; } = ["client_credentials"];
}
