namespace CmuContracts.Generator.Spec;

/// <summary>How a scalar was written, which decides whether it can be a null, a boolean or a number.</summary>
internal enum ScalarStyle
{
    /// <summary>Unquoted; JSON's numbers, <c>true</c>, <c>false</c> and <c>null</c> too.</summary>
    Plain,

    SingleQuoted,

    /// <summary>Double-quoted; every JSON string.</summary>
    DoubleQuoted,

    /// <summary>A <c>|</c> block.</summary>
    Literal,

    /// <summary>A <c>&gt;</c> block.</summary>
    Folded,
}
