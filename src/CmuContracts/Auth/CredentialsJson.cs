using System.Text.Json;

namespace CmuContracts.Auth;

/// <summary>The JSON form of stored credentials (written by hand: trim/AOT safe); times in epoch milliseconds.</summary>
internal static class CredentialsJson
{
    public static void Write(Utf8JsonWriter writer, ClientCredentials credentials)
    {
        writer.WriteStartObject();
        writer.WriteString("client_id", credentials.ClientId);
        writer.WriteString("client_secret", credentials.ClientSecret);
        if (credentials.IssuedAt is { } issued)
        {
            writer.WriteNumber("client_id_issued_at", issued.ToUnixTimeMilliseconds());
        }

        if (credentials.ExpiresAt is { } expires)
        {
            writer.WriteNumber("client_secret_expires_at", expires.ToUnixTimeMilliseconds());
        }

        writer.WriteEndObject();
    }

    public static byte[] ToBytes(ClientCredentials credentials)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, credentials);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads one entry; throws <see cref="FormatException"/> when it lacks id or secret.</summary>
    public static ClientCredentials Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("client_secret", out var secret) || secret.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(id.GetString()) || string.IsNullOrWhiteSpace(secret.GetString()))
        {
            throw new FormatException("an entry lacks a string client_id or client_secret");
        }

        return new ClientCredentials(id.GetString()!, secret.GetString()!, Time(element, "client_id_issued_at"))
        {
            ExpiresAt = Time(element, "client_secret_expires_at"),
        };
    }

    // Stored times are always milliseconds (whatever unit the server used); the magnitude rule reads both.
    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var epoch) ? RegistrationTime.FromEpoch(epoch) : null;

    public static ClientCredentials Read(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        return Read(document.RootElement);
    }
}
