namespace CmuContracts.Tests.Conformance;

/// <summary>
/// The samples of Adobe's Dynamic Client Registration pages, GitHub <c>AdobeDocs/pass.en</c>,
/// <c>help/authentication/integration-guide-programmers/rest-apis/rest-api-dcr/apis/</c>: the bodies are Adobe's, unchanged.
/// </summary>
internal static class AdobeDcrExamples
{
    /// <summary><c>dynamic-client-registration-apis-retrieve-client-credentials.md</c>, "Samples", Response - Success (201).</summary>
    public const string RegistrationSuccess = """
        {
            "client_id": "s6BhdRkqt3",
            "client_secret": "t7AkePiru4",
            "redirect_uris": [
                "app://com.programmer.adobe#sdasdsadas"
            ],
            "grant_types": [
                "client_credentials"
            ],
            "scopes": [
                "api:client:v2"
            ],
            "client_id_issued_at": 1723227212
        }
        """;

    /// <summary><c>dynamic-client-registration-apis-retrieve-access-token.md</c>, "Samples", Request body.</summary>
    public const string TokenRequestBody = "client_id=s6BhdRkqt3&client_secret=t7AkePiru4&grant_type=client_credentials";

    /// <summary><c>dynamic-client-registration-apis-retrieve-access-token.md</c>, "Samples", Response - Success (201).</summary>
    public const string TokenSuccess = """
        {
          "id": "a932f8f0-210a-41a4-b2a8-377751f6b76f",  
          "access_token": "2YotnFZFEjr1zCsicMWpAA",
          "created_at": 1752148106221,
          "expires_in": 21600,
          "token_type": "bearer"
        }
        """;

    /// <summary>Both pages, "Samples", Response - Error (400).</summary>
    public const string ErrorInvalidRequest = """{ "error": "invalid_request" }""";

    /// <summary>The content type of every sample answer.</summary>
    public const string ContentType = "application/json;charset=UTF-8";
}
