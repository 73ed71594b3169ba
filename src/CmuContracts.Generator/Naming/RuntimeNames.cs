using System.Collections.Generic;

namespace CmuContracts.Generator.Naming;

/// <summary>
/// The names generated JSON code uses unqualified: the runtime's types, and the reader's and writer's members (the
/// models' JSON file imports them with <c>using static</c>, and its code runs inside each model). No schema, property,
/// union variant or enum value may take one, or it would shadow the helper. The emitter's templates
/// (<c>Emitting/Runtime</c>) must declare exactly <see cref="HelperMembers"/>: a test compares them, so the list
/// cannot fall behind the templates, and naming needs nothing from the emitter.
/// </summary>
internal static class RuntimeNames
{
    public static readonly IReadOnlyList<string> Types = new[]
    {
        "JsonRead", "IJsonModel", "JsonModel", "GeneratedJsonConverter", "JsonValueConverter", "GeneratedJson",
        "JsonValueReader", "JsonValueWriter", "SetsRequiredMembers",
    };

    /// <summary>
    /// Helpers generated code calls only with type arguments (<c>Next&lt;Pet&gt;(ref reader)</c>): a lookup with type
    /// arguments skips non-generic members and types, so a property named <c>Next</c> (a common one) shadows nothing.
    /// They are the templates' public static members that <see cref="HelperMembers"/> leaves out.
    /// </summary>
    public static readonly IReadOnlyList<string> CalledWithTypeArguments = new[] { "Next", "NextValue", "ReadModel" };

    private static readonly HashSet<string> Helpers = new(System.StringComparer.Ordinal)
    {
        "IsProperty", "MissingRequired", "SkipValue", "StartObject", "TryRead", "Unexpected",
        "NextAny", "NextBoolean", "NextBytes", "NextDate", "NextDateTime", "NextDecimal", "NextDouble", "NextGuid",
        "NextInt32", "NextInt64", "NextList", "NextMap", "NextProperty", "NextSingle", "NextString", "NextUri",
        "ReadAny", "ReadBoolean", "ReadBytes", "ReadDate", "ReadDateTime", "ReadDecimal", "ReadDouble", "ReadGuid",
        "ReadInt32", "ReadInt64", "ReadList", "ReadMap", "ReadSingle", "ReadString", "ReadText", "ReadUri",
        "WriteAny", "WriteBoolean", "WriteBooleanProperty", "WriteBytes", "WriteDate", "WriteDateTime",
        "WriteDateTimeProperty", "WriteDecimal", "WriteDecimalProperty", "WriteDiscriminated", "WriteDouble", "WriteDoubleProperty",
        "WriteGuid", "WriteGuidProperty", "WriteInt32", "WriteInt32Property", "WriteInt64", "WriteInt64Property",
        "WriteList", "WriteListProperty", "WriteMap", "WriteMapProperty", "WriteModel", "WriteProperty", "WriteSingle",
        "WriteSingleProperty", "WriteString", "WriteStringProperty", "WriteUri", "WriteValueProperty",
    };

    /// <summary>The reader's and writer's members that generated code calls without type arguments.</summary>
    public static IEnumerable<string> HelperMembers => Helpers;

    /// <summary>
    /// <see cref="CSharpNames.MakeUnique"/> for a member of a generated type, whose JSON code runs inside it: a
    /// helper's name is taken first, so the member is numbered (<c>NextString2</c>).
    /// </summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        if (Helpers.Contains(name))
        {
            taken.Add(name);
        }

        return CSharpNames.MakeUnique(name, taken);
    }
}
