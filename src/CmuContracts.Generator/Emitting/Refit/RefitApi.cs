namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// Where the Refit versions the generated clients support differ in what generated code calls, detected from the
/// referenced Refit's types (never from its version number). Every other emitted call is the same on 16.4 and 17.
/// </summary>
/// <param name="FormFieldNames">
/// <c>FormField&lt;T&gt;</c> takes its names as a <c>Refit.FormFieldNames</c> (17) instead of one explicit name (16.4).
/// </param>
internal sealed record RefitApi(bool FormFieldNames)
{
    /// <summary>Refit 16.4's surface.</summary>
    public static readonly RefitApi Refit16 = new(FormFieldNames: false);

    /// <summary>Refit 17's surface.</summary>
    public static readonly RefitApi Refit17 = new(FormFieldNames: true);
}
