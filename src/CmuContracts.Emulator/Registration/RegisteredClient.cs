namespace CmuContracts.Emulator.Registration;

/// <summary>Credentials issued by <c>POST /o/client/register</c>.</summary>
public sealed record RegisteredClient(string ClientId, string ClientSecret, string ApplicationId, long IssuedAtMs, IReadOnlyList<string> RedirectUris);
