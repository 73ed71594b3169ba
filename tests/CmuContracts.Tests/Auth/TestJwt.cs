using System.Text;

namespace CmuContracts.Tests.Auth;

/// <summary>Builds JWT-shaped text (unsigned: the client never checks signatures) for parser tests.</summary>
internal static class TestJwt
{
    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Create(string payloadJson, string headerJson = """{"alg":"RS256"}""") =>
        Encode(headerJson) + "." + Encode(payloadJson) + "." + Encode("signature-bytes");
}
