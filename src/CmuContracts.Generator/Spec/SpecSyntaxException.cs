using System;

namespace CmuContracts.Generator.Spec;

/// <summary>The text is not valid YAML or JSON (or repeats a key): where the reader stopped, and why.</summary>
internal sealed class SpecSyntaxException : Exception
{
    public SpecSyntaxException()
        : this(default, default, "Invalid YAML or JSON")
    {
    }

    public SpecSyntaxException(string message)
        : this(default, default, message)
    {
    }

    public SpecSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SpecSyntaxException(SpecMark start, SpecMark end, string message)
        : base(message)
    {
        Start = start;
        End = end;
    }

    public SpecMark Start { get; }

    public SpecMark End { get; }
}
