using System.Text.Json;

namespace CmuContracts.Auth;

/// <summary>The JSON form of a stored access token (written by hand: trim/AOT safe); times in epoch milliseconds.</summary>
internal static class AccessTokenJson
{
    public static void Write(Utf8JsonWriter writer, AccessToken token)
    {
        writer.WriteStartObject();
        writer.WriteString("access_token", token.Value);
        writer.WriteNumber("issued_at", token.IssuedAt.ToUnixTimeMilliseconds());
        writer.WriteNumber("expires_at", token.ExpiresAt.ToUnixTimeMilliseconds());
        writer.WriteString("client_id", token.ClientId);
        if (token.CredentialsRenewAt is { } due)
        {
            writer.WriteNumber("credentials_renew_at", due.ToUnixTimeMilliseconds());
        }

        writer.WriteEndObject();
    }

    public static byte[] ToBytes(AccessToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, token);
        }

        return buffer.ToArray();
    }

    /// <summary>The token, or null when the entry is damaged: a lost token only costs one token request.</summary>
    public static AccessToken? TryRead(JsonElement element)
    {
        try
        {
            return new AccessToken(
                element.GetProperty("access_token").GetString()!,
                DateTimeOffset.FromUnixTimeMilliseconds(element.GetProperty("issued_at").GetInt64()),
                DateTimeOffset.FromUnixTimeMilliseconds(element.GetProperty("expires_at").GetInt64()))
            {
                ClientId = element.GetProperty("client_id").GetString(),
                CredentialsRenewAt = element.TryGetProperty("credentials_renew_at", out var due) && due.TryGetInt64(out var ms)
                    ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                    : null,
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    public static AccessToken? TryRead(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return TryRead(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
