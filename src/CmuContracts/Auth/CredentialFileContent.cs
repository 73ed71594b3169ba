using System.Text.Json;

namespace CmuContracts.Auth;

/// <summary>
/// What a credential file holds, one entry per <see cref="CredentialKey"/>:
/// <c>{"version":1,"credentials":{"&lt;key&gt;":{...}},"tokens":{"&lt;key&gt;":{...}}}</c>. The <c>tokens</c>
/// object is optional, so files written before tokens were kept still read.
/// </summary>
internal sealed class CredentialFileContent
{
    public Dictionary<string, ClientCredentials> Credentials { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccessToken> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="JsonException"/> or <see cref="FormatException"/> when the credentials are unreadable.</summary>
    public static CredentialFileContent Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("credentials", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("no \"credentials\" object");
        }

        var content = new CredentialFileContent();
        foreach (var entry in map.EnumerateObject())
        {
            content.Credentials[entry.Name] = CredentialsJson.Read(entry.Value);
        }

        // A damaged token only costs a token request: it is dropped, the file is not "corrupt".
        if (root.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in tokens.EnumerateObject())
            {
                if (AccessTokenJson.TryRead(entry.Value) is { } token)
                {
                    content.Tokens[entry.Name] = token;
                }
            }
        }

        return content;
    }

    /// <summary>Drops tokens that have expired or belong to another client than the key's credentials.</summary>
    public void DropStaleTokens(DateTimeOffset now)
    {
        foreach (var (key, token) in Tokens.ToList())
        {
            if (token.ExpiresAt <= now || !Credentials.TryGetValue(key, out var credentials) || credentials.ClientId != token.ClientId)
            {
                Tokens.Remove(key);
            }
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStartObject("credentials");
        foreach (var (key, credentials) in Credentials.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            CredentialsJson.Write(writer, credentials);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("tokens");
        foreach (var (key, token) in Tokens.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            AccessTokenJson.Write(writer, token);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
