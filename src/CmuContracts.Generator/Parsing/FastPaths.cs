using System;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// The tree readers that may read a spec before YamlDotNet does (each declines what it cannot read exactly as
/// YamlDotNet would); tests turn them off to compare.
/// </summary>
[Flags]
internal enum FastPaths
{
    /// <summary>Only YamlDotNet.</summary>
    None = 0,

    /// <summary><see cref="JsonSpecTree"/>, for specs whose file name says JSON.</summary>
    Json = 1,

    /// <summary><see cref="YamlSpecTree"/>.</summary>
    Yaml = 2,
}
