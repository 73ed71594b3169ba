using Microsoft.Extensions.Options;

namespace CmuContracts;

/// <summary>
/// The checks of <see cref="CmuClientOptions"/> that its attributes cannot express (they are
/// <see cref="CmuClientOptionsValidator"/>'s): defined enum values and time spans (with the value in the message;
/// <c>RangeAttribute(typeof(TimeSpan), ...)</c> is not trim safe), addresses, one statement source, the redirect
/// URI, settings that depend on each other, the User-Agent header. Every message names the setting.
/// </summary>
internal sealed partial class CmuClientOptionsRules : IValidateOptions<CmuClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CmuClientOptions options)
    {
        var failures = new List<string>();

        // Enum values stay here, not in EnumDataType: their messages quote the value.
        if (!Enum.IsDefined(options.Environment))
        {
            failures.Add($"CmuClientOptions.Environment '{(int)options.Environment}' is not one of Production, Staging, PreQualification, PreQualificationStaging.");
        }

        if (!Enum.IsDefined(options.CredentialStorage))
        {
            failures.Add($"CmuClientOptions.CredentialStorage '{(int)options.CredentialStorage}' is not one of File, Memory.");
        }

        CheckAddress(failures, nameof(CmuClientOptions.RegistrationBaseAddress), options.RegistrationBaseAddress);
        CheckAddress(failures, nameof(CmuClientOptions.CmuBaseAddress), options.CmuBaseAddress);
        if (options.CmuBaseAddress is null && Enum.IsDefined(options.Environment) && CmuEndpoints.Cmu(options.Environment) is null)
        {
            failures.Add($"CmuClientOptions.CmuBaseAddress is required for Environment {options.Environment}: Adobe documents a CMU host only for Production ({CmuEndpoints.DocumentedCmuHost}); ask Adobe (tve-support@adobe.com) for the {options.Environment} CMU address and set it.");
        }

        var hasText = !string.IsNullOrWhiteSpace(options.SoftwareStatement);
        var hasPath = !string.IsNullOrWhiteSpace(options.SoftwareStatementPath);
        if (hasText == hasPath)
        {
            failures.Add(hasText
                ? "CmuClientOptions.SoftwareStatement and CmuClientOptions.SoftwareStatementPath are both set: set exactly one."
                : "CmuClientOptions.SoftwareStatement or CmuClientOptions.SoftwareStatementPath is required (the JWT downloaded from the TVE Dashboard).");
        }

        if (options.RedirectUri is { } redirect && !IsRedirectUri(redirect))
        {
            failures.Add($"CmuClientOptions.RedirectUri '{redirect}' is neither an absolute URI (such as https://watch.example.com/done or com.example.app:/callback) nor a reversed domain (such as com.example).");
        }

        if (options.CredentialStorePath is { } store)
        {
            if (string.IsNullOrWhiteSpace(store))
            {
                failures.Add("CmuClientOptions.CredentialStorePath is empty: leave it null for the file in the user's cmu folder.");
            }
            else if (options.CredentialStorage == Auth.CredentialStorage.Memory)
            {
                failures.Add($"CmuClientOptions.CredentialStorePath '{store}' is set but CmuClientOptions.CredentialStorage is Memory: set one or the other.");
            }
        }

        if (options.TokenRefreshBuffer < TimeSpan.Zero)
        {
            failures.Add($"CmuClientOptions.TokenRefreshBuffer {options.TokenRefreshBuffer} is negative.");
        }

        if (options.Resilience is { } r)
        {
            CheckResilience(failures, r);
        }

        // Sent unvalidated, a malformed value would only fail later, on the first request (an empty one is the attribute's).
        if (!string.IsNullOrWhiteSpace(options.UserAgent) && !IsUserAgent(options.UserAgent))
        {
            failures.Add($"CmuClientOptions.UserAgent '{options.UserAgent}' is not a valid User-Agent header (product/version tokens and comments).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // TimeSpan bounds stay here: RangeAttribute(typeof(TimeSpan), ...) is not trim safe (IL2026).
    private static void CheckResilience(List<string> failures, CmuResilienceOptions r)
    {
        if (r.BaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"CmuClientOptions.Resilience.BaseDelay {r.BaseDelay} must be positive.");
        }

        if (r.MaxDelay < r.BaseDelay)
        {
            failures.Add($"CmuClientOptions.Resilience.MaxDelay {r.MaxDelay} is shorter than BaseDelay {r.BaseDelay}.");
        }

        if (r.ThrottleDelay < TimeSpan.FromSeconds(1))
        {
            failures.Add($"CmuClientOptions.Resilience.ThrottleDelay {r.ThrottleDelay} is under 1 s: Adobe's throttle asks clients to wait at least 1 s.");
        }

        // Polly's own limits: a timeout between 10 ms and 24 h.
        if (r.AttemptTimeout < TimeSpan.FromMilliseconds(10) || r.AttemptTimeout > TimeSpan.FromHours(24))
        {
            failures.Add($"CmuClientOptions.Resilience.AttemptTimeout {r.AttemptTimeout} is outside 10 ms..24 h.");
        }

        if (r.TotalTimeout < r.AttemptTimeout || r.TotalTimeout > TimeSpan.FromHours(24))
        {
            failures.Add($"CmuClientOptions.Resilience.TotalTimeout {r.TotalTimeout} must be at least AttemptTimeout {r.AttemptTimeout} and at most 24 h.");
        }
    }

    private static void CheckAddress(List<string> failures, string setting, Uri? address)
    {
        if (address is null)
        {
            return;
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"CmuClientOptions.{setting} '{address}' is not an absolute http(s) URI.");
        }
        else if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            failures.Add($"CmuClientOptions.{setting} '{address}' must not have a query or fragment.");
        }
    }

    /// <summary>
    /// Any absolute URI, custom schemes included (Adobe's examples use <c>com.example.app:/callback</c>), or a
    /// dashboard domain written in reverse (<c>com.example</c>), which Adobe's Android SDK sends [D].
    /// </summary>
    internal static bool IsRedirectUri(string value) =>
        (RedirectScheme().IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _)) || ReversedDomain().IsMatch(value);

    // RFC 3986 scheme then ':' written out: on Unix "/auth/complete" would otherwise parse as an absolute file: URI.
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial System.Text.RegularExpressions.Regex RedirectScheme();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+\\z")]
    private static partial System.Text.RegularExpressions.Regex ReversedDomain();

    private static bool IsUserAgent(string value)
    {
        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value);
    }
}
