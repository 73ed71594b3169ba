namespace SpecNamespace;

/// <summary>
/// Keys of the <see cref="global::System.Net.Http.HttpRequestMessage.Options"/> every generated call sets, so
/// handlers (authentication, logging) know which operation they are sending and what security it needs.
/// The key names are the same in every generated client.
/// </summary>
public static class ApiRequestOptions
{
    /// <summary>The operationId of the call.</summary>
    public static readonly global::System.Net.Http.HttpRequestOptionsKey<string> OperationId = new("CmuContracts.OperationId");

    /// <summary>
    /// The operation's security alternatives: any one of them is enough. Each is a '+'-joined list of
    /// scheme descriptors such as "http:bearer", "http:basic", "apiKey:header:X-Key" or "oauth2".
    /// Empty means the operation needs no credentials.
    /// </summary>
    public static readonly global::System.Net.Http.HttpRequestOptionsKey<string[]> Security = new("CmuContracts.Security");
}
