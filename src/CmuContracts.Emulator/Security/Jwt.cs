using System.Text;
using System.Text.Json;

namespace CmuContracts.Emulator.Security;

/// <summary>Why a JWT was not accepted.</summary>
internal enum JwtFailure
{
    None,
    Malformed,
    BadSignature,
}

/// <summary>Minimal RS256 JWS compact serialization: header <c>{"alg":"RS256"}</c> like Adobe's tokens.</summary>
internal static class Jwt
{
    private static readonly string Header = Base64Url.Encode("{\"alg\":\"RS256\"}"u8);

    public static string Sign(SigningKey key, Action<Utf8JsonWriter> writeClaims)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeClaims(writer);
            writer.WriteEndObject();
        }

        var signingInput = Header + "." + Base64Url.Encode(buffer.ToArray());
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.Encode(signature);
    }

    /// <summary>Checks structure, algorithm and signature; on success returns the parsed payload.</summary>
    public static JwtFailure TryRead(SigningKey key, string? token, out JsonElement payload)
    {
        payload = default;
        if (string.IsNullOrEmpty(token))
        {
            return JwtFailure.Malformed;
        }

        var parts = token.Split('.');
        if (parts.Length != 3
            || !Base64Url.TryDecode(parts[0], out var headerBytes)
            || !Base64Url.TryDecode(parts[1], out var payloadBytes)
            || !Base64Url.TryDecode(parts[2], out var signature))
        {
            return JwtFailure.Malformed;
        }

        try
        {
            using var header = JsonDocument.Parse(headerBytes);
            if (header.RootElement.ValueKind != JsonValueKind.Object
                || !header.RootElement.TryGetProperty("alg", out var alg)
                || alg.ValueKind != JsonValueKind.String
                || alg.GetString() != "RS256")
            {
                return JwtFailure.Malformed;
            }

            using var body = JsonDocument.Parse(payloadBytes);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return JwtFailure.Malformed;
            }

            payload = body.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JwtFailure.Malformed;
        }

        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        return key.Verify(signingInput, signature) ? JwtFailure.None : JwtFailure.BadSignature;
    }

    public static string? GetString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? GetSeconds(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
