using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CmuContracts;

/// <summary>How to reach Adobe Pass and authenticate to CMU. Validated at start.</summary>
public sealed class CmuClientOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "CmuClient";

    /// <summary>
    /// Sets both base addresses unless they are overridden. Default <see cref="CmuEnvironment.Production"/>. Adobe documents a
    /// CMU host for production only: every other environment needs <see cref="CmuBaseAddress"/> too.
    /// </summary>
    public CmuEnvironment Environment { get; set; } = CmuEnvironment.Production;

    /// <summary>Overrides the environment's DCR base address (the <c>/o/</c> root of <c>client/register</c> and <c>client/token</c>).</summary>
    public Uri? RegistrationBaseAddress { get; set; }

    /// <summary>
    /// Overrides the environment's CMU base address (the <c>/cmu/v2/</c> root). Required for every environment but
    /// <see cref="CmuEnvironment.Production"/>, whose CMU host is the only one Adobe documents (ask Adobe for the others).
    /// </summary>
    public Uri? CmuBaseAddress { get; set; }

    /// <summary>The software statement JWT text. Exactly one of this and <see cref="SoftwareStatementPath"/> is required.</summary>
    public string? SoftwareStatement { get; set; }

    /// <summary>A file holding the software statement as downloaded from the TVE Dashboard.</summary>
    public string? SoftwareStatementPath { get; set; }

    /// <summary>
    /// Sent as <c>redirect_uri</c> on registration when set; must match a domain of the application in the
    /// TVE Dashboard. Any absolute URI (custom schemes such as <c>com.example.app:/callback</c> too) or a
    /// reversed domain (<c>com.example</c>, as Adobe's Android SDK sends).
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>
    /// Where credentials and the current token are kept. Default <see cref="Auth.CredentialStorage.File"/>: Adobe
    /// asks clients to register once and reuse a token until it expires, so both survive the process.
    /// </summary>
    public Auth.CredentialStorage CredentialStorage { get; set; } = Auth.CredentialStorage.File;

    /// <summary>
    /// The credential file (JSON, mode 0600 on Unix, replaced atomically), which also keeps the current token.
    /// Default: <c>credentials.json</c> in the user's cmu folder (<see cref="Auth.CmuUserFolder"/>), the file the
    /// <c>cmu</c> tool uses. When that folder cannot be written, a warning is logged and both stay in memory.
    /// </summary>
    public string? CredentialStorePath { get; set; }

    /// <summary>
    /// When the credential file cannot be read as JSON: true moves it aside (never deletes it) and
    /// registers afresh; false (default) fails with a <see cref="Auth.CredentialStoreException"/>.
    /// </summary>
    public bool ReplaceCorruptCredentialStore { get; set; }

    /// <summary>
    /// A token is renewed this long before it expires (at most half its lifetime). Default 60 s. Credentials
    /// that expire (a <c>client_secret_expires_at</c>, which Adobe does not send) are renewed as long before.
    /// </summary>
    public TimeSpan TokenRefreshBuffer { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeouts and retries.</summary>
    [Required(ErrorMessage = "CmuClientOptions.Resilience is null.")]
    [ValidateObjectMembers]
    public CmuResilienceOptions Resilience { get; set; } = new();

    /// <summary>The <c>X-Device-Info</c> descriptor sent on registration and token calls.</summary>
    [Required(ErrorMessage = "CmuClientOptions.DeviceInfo is null.")]
    [ValidateObjectMembers]
    public CmuDeviceInfo DeviceInfo { get; set; } = new();

    /// <summary>The <c>User-Agent</c> header on every call.</summary>
    [Required(ErrorMessage = "CmuClientOptions.UserAgent is empty.")]
    public string UserAgent { get; set; } = "CmuContracts/" + (typeof(CmuClientOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>The DCR base address in effect: the override, else the environment's.</summary>
    public Uri EffectiveRegistrationBaseAddress => RegistrationBaseAddress ?? CmuEndpoints.Registration(Environment);

    /// <summary>
    /// The CMU base address in effect: the override, else the environment's; null when the environment has no
    /// documented CMU host and no override is set (the options then fail validation).
    /// </summary>
    public Uri? EffectiveCmuBaseAddress => CmuBaseAddress ?? CmuEndpoints.Cmu(Environment);

    /// <summary>Shows the settings, never the software statement.</summary>
    public override string ToString() =>
        $"CmuClientOptions(Environment {Environment}, registration {EffectiveRegistrationBaseAddress}, CMU {EffectiveCmuBaseAddress?.ToString() ?? "not set"}, statement {(SoftwareStatement is not null ? "inline" : SoftwareStatementPath ?? "none")})";
}
