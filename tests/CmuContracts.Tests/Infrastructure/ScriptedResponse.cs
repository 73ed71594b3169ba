namespace CmuContracts.Tests.Infrastructure;

/// <summary>The answer the loopback server gives to the next request.</summary>
public sealed record ScriptedResponse(int Status, string? ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(int status, string body) => new(status, "application/json", body);
}
