using System.Globalization;
using CmuContracts;
using CmuContracts.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="CmuClientOptions"/> by hand: reflection binding is not trim/AOT safe, and a bad
/// value is an <see cref="OptionsValidationException"/> at start, as a value the validator rejects is,
/// with a message naming the setting.
/// </summary>
internal static class CmuClientOptionsBinder
{
    public static void Bind(IConfiguration section, CmuClientOptions options)
    {
        if (section["Environment"] is { Length: > 0 } environment)
        {
            options.Environment = Enum.TryParse<CmuEnvironment>(environment, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw Invalid($"CmuClientOptions.Environment '{environment}' is not one of Production, Staging, PreQualification, PreQualificationStaging.");
        }

        options.RegistrationBaseAddress = ReadUri(section, "RegistrationBaseAddress") ?? options.RegistrationBaseAddress;
        options.CmuBaseAddress = ReadUri(section, "CmuBaseAddress") ?? options.CmuBaseAddress;
        options.SoftwareStatement = section["SoftwareStatement"] ?? options.SoftwareStatement;
        options.SoftwareStatementPath = section["SoftwareStatementPath"] ?? options.SoftwareStatementPath;
        options.RedirectUri = section["RedirectUri"] ?? options.RedirectUri;
        if (section["CredentialStorage"] is { Length: > 0 } storage)
        {
            options.CredentialStorage = Enum.TryParse<CredentialStorage>(storage, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : throw Invalid($"CmuClientOptions.CredentialStorage '{storage}' is not one of File, Memory.");
        }

        options.CredentialStorePath = section["CredentialStorePath"] ?? options.CredentialStorePath;
        options.UserAgent = section["UserAgent"] ?? options.UserAgent;
        if (section["ReplaceCorruptCredentialStore"] is { Length: > 0 } replace)
        {
            options.ReplaceCorruptCredentialStore = bool.TryParse(replace, out var b) ? b
                : throw Invalid($"CmuClientOptions.ReplaceCorruptCredentialStore '{replace}' is not true or false.");
        }

        options.TokenRefreshBuffer = ReadTime(section, "TokenRefreshBuffer", "TokenRefreshBuffer") ?? options.TokenRefreshBuffer;
        var resilience = section.GetSection("Resilience");
        var r = options.Resilience;
        if (resilience["MaxRetryAttempts"] is { Length: > 0 } retries)
        {
            r.MaxRetryAttempts = int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                : throw Invalid($"CmuClientOptions.Resilience.MaxRetryAttempts '{retries}' is not an integer.");
        }

        r.BaseDelay = ReadTime(resilience, "BaseDelay", "Resilience.BaseDelay") ?? r.BaseDelay;
        r.MaxDelay = ReadTime(resilience, "MaxDelay", "Resilience.MaxDelay") ?? r.MaxDelay;
        r.ThrottleDelay = ReadTime(resilience, "ThrottleDelay", "Resilience.ThrottleDelay") ?? r.ThrottleDelay;
        r.AttemptTimeout = ReadTime(resilience, "AttemptTimeout", "Resilience.AttemptTimeout") ?? r.AttemptTimeout;
        r.TotalTimeout = ReadTime(resilience, "TotalTimeout", "Resilience.TotalTimeout") ?? r.TotalTimeout;

        var device = section.GetSection("DeviceInfo");
        var d = options.DeviceInfo;
        d.PrimaryHardwareType = device["PrimaryHardwareType"] ?? d.PrimaryHardwareType;
        d.Model = device["Model"] ?? d.Model;
        d.Version = device["Version"] ?? d.Version;
        d.Manufacturer = device["Manufacturer"] ?? d.Manufacturer;
        d.OsName = device["OsName"] ?? d.OsName;
        d.OsVersion = device["OsVersion"] ?? d.OsVersion;
        d.ConnectionType = device["ConnectionType"] ?? d.ConnectionType;
        d.ApplicationId = device["ApplicationId"] ?? d.ApplicationId;
    }

    private static Uri? ReadUri(IConfiguration section, string key) => section[key] is { Length: > 0 } text
        ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri
            : throw Invalid($"CmuClientOptions.{key} '{text}' is not an absolute URI.")
        : null;

    private static TimeSpan? ReadTime(IConfiguration section, string key, string setting) => section[key] is { Length: > 0 } text
        ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time
            : throw Invalid($"CmuClientOptions.{setting} '{text}' is not a time span (e.g. 00:01:00).")
        : null;

    private static OptionsValidationException Invalid(string message) =>
        new(Options.Options.DefaultName, typeof(CmuClientOptions), [message]);
}
