namespace CmuContracts.Emulator.Options;

/// <summary>
/// Size limits on incoming requests. Beyond them the DCR and token endpoints answer <c>400 {"error":"invalid_request"}</c>
/// and CMU a plain-text <c>400</c>; Kestrel itself answers <c>414</c>/<c>431</c> for an oversized request line or headers.
/// </summary>
public sealed class RequestLimits
{
    /// <summary>
    /// Largest request body read, in bytes. Generous on purpose: a body within it is read to its end, so even a client
    /// that sends megabytes sees the <c>400</c>; past it Kestrel stops reading and closes the connection, which a client
    /// still sending may see as a connection reset instead of the answer.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most keys a token form body may hold (the endpoint reads three).</summary>
    public int MaxFormKeys { get; set; } = 64;

    /// <summary>Longest form key, in characters.</summary>
    public int MaxFormKeyLength { get; set; } = 256;

    /// <summary>Longest form value, in characters.</summary>
    public int MaxFormValueLength { get; set; } = 16 * 1024;

    /// <summary>Longest request line (method, path and query), in bytes: Kestrel's limit, which answers 414 beyond it.</summary>
    public int MaxRequestLineBytes { get; set; } = 16 * 1024;

    /// <summary>Largest total of request headers, in bytes: Kestrel's limit, which answers 431 beyond it.</summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;
}
