using System.Text.Json;

namespace CmuContracts.Auth;

/// <summary>The JSON form of stored credentials (written by hand: trim/AOT safe).</summary>
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

        DateTimeOffset? issued = element.TryGetProperty("client_id_issued_at", out var at) && at.TryGetInt64(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return new ClientCredentials(id.GetString()!, secret.GetString()!, issued);
    }

    public static ClientCredentials Read(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        return Read(document.RootElement);
    }
}
