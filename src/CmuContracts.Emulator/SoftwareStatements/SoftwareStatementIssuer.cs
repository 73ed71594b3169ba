using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Security;

namespace CmuContracts.Emulator.SoftwareStatements;

/// <summary>Issues software statements shaped like the TVE Dashboard's: RS256, <c>sub</c>, <c>nbf</c>, <c>iss</c>, <c>iat</c>.</summary>
public sealed class SoftwareStatementIssuer(SigningKey key, TimeProvider clock)
{
    /// <summary>The issuer of statements and access tokens.</summary>
    public const string Issuer = "auth.adobe.com";

    /// <summary>Signs a new statement for the application (each call yields a new <c>iat</c>/<c>nbf</c>, as each download does).</summary>
    public string Issue(EmulatorApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return Jwt.Sign(key, w =>
        {
            w.WriteString("sub", application.Id);
            w.WriteNumber("nbf", now);
            w.WriteString("iss", Issuer);
            w.WriteNumber("iat", now);
        });
    }
}
