namespace SpecNamespace;

/// <summary>A server the spec lists for a client's operations: a base address and what it is.</summary>
public sealed class ApiServer
{
    /// <summary>Describes a server.</summary>
    /// <param name="url">The base address, as the spec writes it (variables replaced by their defaults).</param>
    /// <param name="description">The spec's description, or null.</param>
    public ApiServer(string url, string? description)
    {
        Url = url;
        Description = description;
    }

    /// <summary>The base address, as the spec writes it (variables replaced by their defaults).</summary>
    public string Url { get; }

    /// <summary>The spec's description, or null.</summary>
    public string? Description { get; }

    /// <inheritdoc />
    public override string ToString() => Url;
}
