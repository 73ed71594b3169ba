namespace CmuContracts.Auth;

/// <summary>What is wrong with a software statement.</summary>
public enum SoftwareStatementProblem
{
    /// <summary>No text was given (empty or whitespace only).</summary>
    Missing,

    /// <summary>The file could not be read.</summary>
    Unreadable,

    /// <summary>The text is not three dot-separated segments (header.payload.signature).</summary>
    NotThreeSegments,

    /// <summary>The header or the payload is not valid base64url.</summary>
    InvalidBase64,

    /// <summary>The header or the payload is not a JSON object.</summary>
    InvalidJson,

    /// <summary>The payload has no <c>iss</c> claim.</summary>
    MissingIssuer,

    /// <summary>The payload has neither <c>software_id</c> nor <c>sub</c>.</summary>
    MissingSoftwareId,

    /// <summary>The <c>nbf</c> time is in the future.</summary>
    NotYetValid,

    /// <summary>The statement (or its file) is over 64 KiB: no software statement is that large.</summary>
    TooLarge,

    /// <summary>The header's <c>alg</c> is not <c>RS256</c>, the algorithm of every software statement Adobe issues.</summary>
    UnsupportedAlgorithm,
}
