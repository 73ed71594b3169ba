namespace CmuContracts.Generator.Spec;

/// <summary>A scalar: its text as the YAML (or JSON) reader produced it, and how it was written.</summary>
internal sealed class SpecScalarNode : SpecNode
{
    public SpecScalarNode(int id, SpecMark start, SpecMark end, string value, ScalarStyle style)
        : base(id, start, end)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public override string ToString() => Value;
}
