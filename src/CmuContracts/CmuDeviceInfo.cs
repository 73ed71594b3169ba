using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;

namespace CmuContracts;

/// <summary>
/// The <c>X-Device-Info</c> descriptor sent on registration and token calls (Base64-encoded JSON).
/// Adobe marks <c>model</c>, <c>version</c>, <c>osName</c>, <c>osVersion</c> and <c>connectionType</c> required.
/// </summary>
public sealed class CmuDeviceInfo
{
    /// <summary><c>primaryHardwareType</c>, e.g. Desktop, Unknown. Default Unknown.</summary>
    public string PrimaryHardwareType { get; set; } = "Unknown";

    /// <summary><c>model</c>. Default "server".</summary>
    [Required(ErrorMessage = "CmuClientOptions.DeviceInfo.Model is empty: Adobe requires it in X-Device-Info.")]
    public string Model { get; set; } = "server";

    /// <summary><c>version</c>. Default the library version.</summary>
    [Required(ErrorMessage = "CmuClientOptions.DeviceInfo.Version is empty: Adobe requires it in X-Device-Info.")]
    public string Version { get; set; } = typeof(CmuDeviceInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary><c>manufacturer</c>, optional.</summary>
    public string? Manufacturer { get; set; }

    /// <summary><c>osName</c>. Default the running OS family.</summary>
    [Required(ErrorMessage = "CmuClientOptions.DeviceInfo.OsName is empty: Adobe requires it in X-Device-Info.")]
    public string OsName { get; set; } = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux";

    /// <summary><c>osVersion</c>. Default the running OS version.</summary>
    [Required(ErrorMessage = "CmuClientOptions.DeviceInfo.OsVersion is empty: Adobe requires it in X-Device-Info.")]
    public string OsVersion { get; set; } = Environment.OSVersion.Version.ToString();

    /// <summary><c>connectionType</c>. Default "LAN".</summary>
    [Required(ErrorMessage = "CmuClientOptions.DeviceInfo.ConnectionType is empty: Adobe requires it in X-Device-Info.")]
    public string ConnectionType { get; set; } = "LAN";

    /// <summary><c>applicationId</c>, optional.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The header value: the descriptor as Base64-encoded JSON.</summary>
    public string ToHeaderValue()
    {
        // Written by hand so the library stays trim/AOT safe without a JSON context for one object.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("primaryHardwareType", PrimaryHardwareType);
            writer.WriteString("model", Model);
            writer.WriteString("version", Version);
            if (Manufacturer is not null)
            {
                writer.WriteString("manufacturer", Manufacturer);
            }

            writer.WriteString("osName", OsName);
            writer.WriteString("osVersion", OsVersion);
            writer.WriteString("connectionType", ConnectionType);
            if (ApplicationId is not null)
            {
                writer.WriteString("applicationId", ApplicationId);
            }

            writer.WriteEndObject();
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <inheritdoc/>
    public override string ToString() => Encoding.UTF8.GetString(Convert.FromBase64String(ToHeaderValue()));
}
