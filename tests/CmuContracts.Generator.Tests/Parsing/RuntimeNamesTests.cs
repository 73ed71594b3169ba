using System.Text.RegularExpressions;
using CmuContracts.Generator.Emitting.Runtime;
using CmuContracts.Generator.Naming;
using Xunit;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// Naming reserves the runtime helpers' names without reading the emitter: its list must be exactly the public static
/// members of the JSON reader and writer helpers (CmuContracts.Generator.Runtime, embedded in the generator) that
/// generated code calls without type arguments.
/// </summary>
public sealed partial class RuntimeNamesTests
{
    [Fact]
    public void ReservedHelperNamesAreExactlyTheTemplatesMembers()
    {
        var declared = Members(RuntimeSources.JsonValueReader + RuntimeSources.JsonValueWriter);

        Assert.Subset(declared, RuntimeNames.CalledWithTypeArguments.ToHashSet());
        declared.ExceptWith(RuntimeNames.CalledWithTypeArguments);
        Assert.Equal(declared.Order(StringComparer.Ordinal), RuntimeNames.HelperMembers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMemberThatTakesAHelpersNameIsNumbered()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);

        Assert.Equal("NextString2", RuntimeNames.MakeUnique("NextString", taken));
        Assert.Equal("Next", RuntimeNames.MakeUnique("Next", taken));
    }

    private static HashSet<string> Members(string templates) =>
        PublicStaticMember().Matches(templates).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s+public static [^=(]*?\b(\w+)\s*(?:<[^>]*>)?\(", RegexOptions.Multiline)]
    private static partial Regex PublicStaticMember();
}
