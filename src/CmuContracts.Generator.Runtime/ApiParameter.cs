namespace SpecNamespace;

/// <summary>Where an operation's parameter goes on the wire.</summary>
public enum ApiParameterLocation
{
    /// <summary>A placeholder of the path template.</summary>
    Path,

    /// <summary>A query string key (a map parameter's keys are its entries').</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>The request body.</summary>
    Body,
}

/// <summary>One parameter of an <see cref="ApiOperation"/>, as the spec declares it.</summary>
public sealed class ApiParameter
{
    /// <summary>Describes a parameter.</summary>
    /// <param name="name">The name on the wire (query key, header name, path placeholder; <c>body</c> for the body).</param>
    /// <param name="propertyName">The property of the operation's arguments that carries it.</param>
    /// <param name="location">Where it goes.</param>
    /// <param name="isRequired">Whether the spec requires it.</param>
    public ApiParameter(string name, string propertyName, ApiParameterLocation location, bool isRequired)
    {
        Name = name;
        PropertyName = propertyName;
        Location = location;
        IsRequired = isRequired;
    }

    /// <summary>The name on the wire (query key, header name, path placeholder; <c>body</c> for the body).</summary>
    public string Name { get; }

    /// <summary>The property of the operation's arguments that carries it.</summary>
    public string PropertyName { get; }

    /// <summary>Where it goes.</summary>
    public ApiParameterLocation Location { get; }

    /// <summary>Whether the spec requires it.</summary>
    public bool IsRequired { get; }

    /// <inheritdoc />
    public override string ToString() => Location + " " + Name + (IsRequired ? " (required)" : string.Empty);
}
