namespace CmuContracts.Reports;

/// <summary>
/// A dimension path outside the CMU drill-down tree of the spec (CMU itself would answer 404). The
/// message names the point where the path left the tree and the dimensions valid there. Nothing was sent.
/// </summary>
public sealed class UsageReportPathException : CmuException
{
    /// <summary>Creates the exception with a message of your own.</summary>
    public UsageReportPathException()
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    public UsageReportPathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    public UsageReportPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal UsageReportPathException(string path, string validPath, string? invalidDimension, IReadOnlyList<string> validNextDimensions, string paramName)
        : base(Describe(path, validPath, invalidDimension, validNextDimensions))
    {
        ParamName = paramName;
        Remedy = validNextDimensions.Count == 0
            ? $"Stop at '{validPath}', or start from another root of the drill-down tree."
            : $"Follow '{validPath}' with one of: {string.Join(", ", validNextDimensions)}.";
        Path = path;
        ValidPath = validPath;
        InvalidDimension = invalidDimension;
        ValidNextDimensions = validNextDimensions;
    }

    /// <summary>The name of the argument that held the path, when known.</summary>
    public string? ParamName { get; }

    /// <summary>The path asked for, e.g. <c>/tenant/hour</c>.</summary>
    public string Path { get; } = "";

    /// <summary>The longest valid prefix of <see cref="Path"/>, e.g. <c>/tenant</c> (<c>/</c> at the root).</summary>
    public string ValidPath { get; } = "/";

    /// <summary>The first dimension that left the tree; null when the path was empty text.</summary>
    public string? InvalidDimension { get; }

    /// <summary>The dimensions that may follow <see cref="ValidPath"/> (empty at a leaf).</summary>
    public IReadOnlyList<string> ValidNextDimensions { get; } = [];

    private static string Describe(string path, string validPath, string? invalidDimension, IReadOnlyList<string> next)
    {
        var where = invalidDimension is null
            ? $"'{path}' is not a CMU report path"
            : $"'{path}' is not a CMU report path: '{invalidDimension}' cannot follow '{validPath}'";
        return next.Count == 0
            ? $"{where}; '{validPath}' is a leaf of the drill-down tree (no further dimensions)."
            : $"{where}; valid next dimensions after '{validPath}': {string.Join(", ", next)}.";
    }
}
