namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>How <see cref="YamlToJson"/> lays out the JSON it writes.</summary>
public enum JsonLayout
{
    /// <summary>Two-space indentation, LF line ends.</summary>
    Indented,

    /// <summary>Tab indentation, CRLF line ends.</summary>
    TabsCrLf,

    /// <summary>Everything on one line.</summary>
    Minified,
}
