using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CmuContracts.Auth;

/// <summary>
/// The software statement downloaded from the TVE Dashboard: a signed JWT that registration exchanges
/// for client credentials. Only its public claims are exposed; <see cref="ToString"/> never shows it.
/// The signature is not checked here (Adobe's key is not published): the registration endpoint does that.
/// </summary>
public sealed class SoftwareStatement
{
    private SoftwareStatement(string value, string softwareId, string issuer, DateTimeOffset? issuedAt, DateTimeOffset? notBefore)
    {
        Value = value;
        SoftwareId = softwareId;
        Issuer = issuer;
        IssuedAt = issuedAt;
        NotBefore = notBefore;
    }

    /// <summary>The <c>software_id</c> claim, else <c>sub</c> (Adobe's statements carry only <c>sub</c>).</summary>
    public string SoftwareId { get; }

    /// <summary>The <c>iss</c> claim.</summary>
    public string Issuer { get; }

    /// <summary>The <c>iat</c> claim, when present.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>The <c>nbf</c> claim, when present.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>
    /// How far <see cref="NotBefore"/> may be ahead of this machine's clock (RFC 7519 4.1.5 leeway): a statement
    /// downloaded a moment ago from a server whose clock runs a little ahead is valid here too.
    /// </summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The largest statement accepted, in bytes. Adobe's are about 1 KiB; anything near this is not a statement, and
    /// is refused before it is read whole or sent.
    /// </summary>
    internal const int MaxBytes = 64 * 1024;

    /// <summary>The only signing algorithm of Adobe's software statements.</summary>
    internal const string Algorithm = "RS256";

    /// <summary>The JWT text, for the registration request only.</summary>
    internal string Value { get; }

    /// <summary>Parses a statement; surrounding whitespace is ignored.</summary>
    /// <param name="text">The JWT text.</param>
    /// <param name="timeProvider">
    /// The clock for the <c>nbf</c> check (system clock when null); an <c>nbf</c> up to 5 minutes ahead of it passes.
    /// </param>
    /// <exception cref="SoftwareStatementException">The text is not a usable software statement.</exception>
    public static SoftwareStatement Parse(string text, TimeProvider? timeProvider = null) =>
        Parse(text, "The software statement", timeProvider);

    /// <summary>Reads and parses a statement file (as downloaded; surrounding whitespace is ignored).</summary>
    /// <exception cref="SoftwareStatementException">The file cannot be read, is over 64 KiB, or is not a usable software statement.</exception>
    public static SoftwareStatement FromFile(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var source = $"The software statement file '{path}'";
        string text;
        try
        {
            text = ReadBounded(path, source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // The IO message names only the path, never file content.
            throw new SoftwareStatementException(SoftwareStatementProblem.Unreadable, $"{source} cannot be read: {ex.Message}");
        }

        return Parse(text, source, timeProvider);
    }

    /// <summary>Never shows the statement.</summary>
    public override string ToString() => $"SoftwareStatement(software id {SoftwareId}, issuer {Issuer})";

    private static SoftwareStatement Parse(string? text, string source, TimeProvider? timeProvider)
    {
        if (text is not null && (text.Length > MaxBytes || System.Text.Encoding.UTF8.GetByteCount(text) > MaxBytes))
        {
            throw TooLarge(source);
        }

        var jwt = text?.Trim();
        if (string.IsNullOrEmpty(jwt))
        {
            throw Fail(SoftwareStatementProblem.Missing, source, "is empty");
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw Fail(SoftwareStatementProblem.NotThreeSegments, source, $"is not a JWT: it has {parts.Length} dot-separated segment(s), expected 3 (header.payload.signature)");
        }

        CheckSegment(parts[0], "header", source);
        CheckSegment(parts[1], "payload", source);

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(jwt);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            // Inner exception dropped on purpose: IdentityModel may echo parts of the token.
            throw Fail(SoftwareStatementProblem.InvalidJson, source, "cannot be read as a JWT");
        }

        if (!token.TryGetPayloadValue<string>("iss", out var issuer) || string.IsNullOrWhiteSpace(issuer))
        {
            throw Fail(SoftwareStatementProblem.MissingIssuer, source, "has no 'iss' (issuer) claim");
        }

        var softwareId = token.TryGetPayloadValue<string>("software_id", out var id) && !string.IsNullOrWhiteSpace(id)
            ? id
            : token.TryGetPayloadValue<string>("sub", out var sub) && !string.IsNullOrWhiteSpace(sub) ? sub : null;
        if (softwareId is null)
        {
            throw Fail(SoftwareStatementProblem.MissingSoftwareId, source, "has neither a 'software_id' nor a 'sub' claim");
        }

        var issuedAt = ReadTime(token, "iat");
        var notBefore = ReadTime(token, "nbf");
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        if (notBefore is { } nbf && nbf > now + ClockSkew)
        {
            throw Fail(SoftwareStatementProblem.NotYetValid, source, $"is not valid yet: its 'nbf' is {nbf:u}, now is {now:u}");
        }

        // Real statements are RS256 (observed; Adobe's key is not published): 'none' or a shared-secret HMAC is not one of theirs.
        if (!string.Equals(token.Alg, Algorithm, StringComparison.Ordinal))
        {
            throw Fail(SoftwareStatementProblem.UnsupportedAlgorithm, source, $"is signed with {Shown(token.Alg)} (its header's 'alg'); Adobe signs software statements with {Algorithm}");
        }

        return new SoftwareStatement(jwt, softwareId, issuer, issuedAt, notBefore);
    }

    /// <summary>The file's text, read no further than <see cref="MaxBytes"/> (a huge or endless file is refused, not read whole).</summary>
    private static string ReadBounded(string path, string source)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            throw TooLarge(source);
        }

        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total > MaxBytes)
        {
            throw TooLarge(source);
        }

        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(buffer, 0, total), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static SoftwareStatementException TooLarge(string source) =>
        Fail(SoftwareStatementProblem.TooLarge, source, $"is over {MaxBytes / 1024} KiB: a software statement from the TVE Dashboard is about 1 KiB, so this is not one");

    // The header's alg is not secret, but it is arbitrary text: quoted, shortened and printable only.
    private static string Shown(string? alg) => string.IsNullOrEmpty(alg)
        ? "no algorithm"
        : "'" + new string(alg.Take(32).Select(c => char.IsControl(c) ? '?' : c).ToArray()) + "'";

    private static void CheckSegment(string segment, string name, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(segment);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw Fail(SoftwareStatementProblem.InvalidBase64, source, $"has a {name} that is not valid base64url");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Fail(SoftwareStatementProblem.InvalidJson, source, $"has a {name} that is not a JSON object");
            }
        }
        catch (JsonException)
        {
            throw Fail(SoftwareStatementProblem.InvalidJson, source, $"has a {name} that is not valid JSON");
        }
    }

    private static DateTimeOffset? ReadTime(JsonWebToken token, string claim)
    {
        if (token.TryGetPayloadValue<long>(claim, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return null;
    }

    private static SoftwareStatementException Fail(SoftwareStatementProblem problem, string source, string what) =>
        new(problem, $"{source} {what}.");
}
