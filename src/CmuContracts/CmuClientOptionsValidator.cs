using Microsoft.Extensions.Options;

namespace CmuContracts;

/// <summary>Checks <see cref="CmuClientOptions"/> at start; every message names the setting.</summary>
internal sealed partial class CmuClientOptionsValidator : IValidateOptions<CmuClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CmuClientOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Environment))
        {
            failures.Add($"CmuClientOptions.Environment '{(int)options.Environment}' is not one of Production, Staging, PreQualification, PreQualificationStaging.");
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

        if (!Enum.IsDefined(options.CredentialStorage))
        {
            failures.Add($"CmuClientOptions.CredentialStorage '{(int)options.CredentialStorage}' is not one of File, Memory.");
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

        CheckResilience(failures, options.Resilience);
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add("CmuClientOptions.UserAgent is empty.");
        }
        else if (!IsUserAgent(options.UserAgent))
        {
            // Sent unvalidated, a malformed value would only fail later, on the first request.
            failures.Add($"CmuClientOptions.UserAgent '{options.UserAgent}' is not a valid User-Agent header (product/version tokens and comments).");
        }

        CheckDeviceInfo(failures, options.DeviceInfo);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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

    // Adobe marks these X-Device-Info fields required.
    private static void CheckDeviceInfo(List<string> failures, CmuDeviceInfo? device)
    {
        if (device is null)
        {
            failures.Add("CmuClientOptions.DeviceInfo is null.");
            return;
        }

        foreach (var (field, value) in new[]
        {
            (nameof(CmuDeviceInfo.Model), device.Model),
            (nameof(CmuDeviceInfo.Version), device.Version),
            (nameof(CmuDeviceInfo.OsName), device.OsName),
            (nameof(CmuDeviceInfo.OsVersion), device.OsVersion),
            (nameof(CmuDeviceInfo.ConnectionType), device.ConnectionType),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"CmuClientOptions.DeviceInfo.{field} is empty: Adobe requires it in X-Device-Info.");
            }
        }
    }

    private static void CheckResilience(List<string> failures, CmuResilienceOptions? r)
    {
        if (r is null)
        {
            failures.Add("CmuClientOptions.Resilience is null.");
            return;
        }

        if (r.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"CmuClientOptions.Resilience.MaxRetryAttempts {r.MaxRetryAttempts} is outside 0..10.");
        }

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
}
