namespace CmuContracts.Generator.Model;

/// <summary>What a generated method returns (per-spec option <c>CmuReturnShape</c>).</summary>
internal enum ReturnShape
{
    /// <summary><c>Task&lt;T&gt;</c>: a non-success status throws Refit's <c>ApiException</c> (the default, as in most Refit code).</summary>
    Value,

    /// <summary><c>Task&lt;IApiResponse&lt;T&gt;&gt;</c>: nothing is thrown for a status; the failure is in <c>.Error</c>.</summary>
    ApiResponse,
}

/// <summary>
/// Per-spec emitting options from AdditionalFiles metadata. They shape the generated code only, so
/// they travel beside the parsed model rather than inside it.
/// </summary>
/// <param name="ReturnShape">See <see cref="Model.ReturnShape"/>.</param>
/// <param name="StrictRequired">
/// True (<c>CmuRequiredProperties="strict"</c>): a body missing a required property fails to read.
/// False (the default, <c>lenient</c>): the property keeps its default, because real services omit fields.
/// </param>
/// <param name="Filter">Which operations to generate (<c>CmuInclude</c>, <c>CmuExclude</c>), or null for all; read by the parser.</param>
internal sealed record GenerationOptions(ReturnShape ReturnShape, bool StrictRequired, OperationFilter? Filter = null)
{
    public static GenerationOptions Default { get; } = new(ReturnShape.Value, false);
}
