using Microsoft.CodeAnalysis;

namespace CmuContracts.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Each is located in the spec file (line and column).
/// Errors mean nothing usable could be read; warnings mean one operation or schema was skipped
/// and everything else was generated.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CmuContracts.OpenApi";

    public static readonly DiagnosticDescriptor SyntaxError = new(
        "CMU1001", "The spec is not valid YAML or JSON",
        "{0} (nothing was generated from this spec)", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor NotOpenApi3 = new(
        "CMU1002", "Not an OpenAPI 3.0 or 3.1 document",
        "{0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "CMU1003", "A $ref could not be resolved",
        "The reference '{0}' could not be resolved: {1}; {2} was skipped", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "CMU1004", "Unsupported OpenAPI construct",
        "{0} is not supported; {1} was skipped", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor MissingOperationId = new(
        "CMU1005", "Operation has no operationId",
        "The operation {0} {1} has no operationId; it was named '{2}', which changes if the path or method changes. Add an operationId to keep the name stable.",
        Category, DiagnosticSeverity.Info, true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "CMU1006", "Two names map to the same C# identifier",
        "'{0}' maps to the C# name '{1}', which is already taken; it was renamed '{2}'", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "CMU1007", "A value has the wrong shape",
        "'{0}' should be {1}; {2} was skipped", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "CMU1008", "Invalid generator option",
        "The {0} '{1}' is not a valid {2}; '{3}' was used instead", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "CMU1009", "The generator failed on this spec",
        "The generator failed unexpectedly on this spec ({0}); please report it with the spec attached", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor DuplicateOutput = new(
        "CMU1010", "Two specs generate the same client",
        "Another spec already generates the client '{0}' in namespace '{1}'; this spec was skipped. Set CmuNamespace or CmuClientName on one of them.",
        Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor NoOperations = new(
        "CMU1011", "The spec has no operations",
        "The spec declares no operations; only its schemas were generated", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor RefitMissing = new(
        "CMU1012", "The generated clients need Refit 16.4 or 17",
        "The clients of this spec are Refit clients, but {0}; only the models and the JSON context were generated. Reference the Refit package, version [16.4.0, 18.0.0) (16.4 or later 16.x, or 17.x), for example through CmuContracts.Generator's own dependency.",
        Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnmatchedSelector = new(
        "CMU1013", "An operation selector matches nothing",
        "The {0} selector '{1}' matches no operation of the spec", Category, DiagnosticSeverity.Warning, true);

    private static readonly DiagnosticDescriptor[] All =
    {
        SyntaxError, NotOpenApi3, UnresolvedReference, Unsupported, MissingOperationId,
        NameCollision, InvalidValue, InvalidOption, InternalError, DuplicateOutput, NoOperations, RefitMissing,
        UnmatchedSelector,
    };

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var d in All)
        {
            if (d.Id == id)
            {
                return d;
            }
        }

        return InternalError;
    }
}
