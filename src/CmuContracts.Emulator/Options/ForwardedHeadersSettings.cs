namespace CmuContracts.Emulator.Options;

/// <summary>
/// Proxies whose <c>X-Forwarded-For</c> is believed (ASP.NET Core forwarded headers). Empty by default: the peer
/// address is the client, so rotating the header cannot get round the throttle.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of trusted proxies, e.g. <c>127.0.0.1</c>.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; set; } = [];
}
