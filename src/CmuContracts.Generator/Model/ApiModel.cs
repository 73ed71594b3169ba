namespace CmuContracts.Generator.Model;

/// <summary>Everything the emitter needs for one spec, and nothing from Roslyn.</summary>
/// <param name="HintPrefix">Prefix for generated file names, unique per spec in a compilation.</param>
internal sealed record ApiModel(
    string Namespace,
    string ClientName,
    string HintPrefix,
    string? Title,
    string? Version,
    string? DefaultServerUrl,
    EquatableArray<TypeModel> Types,
    EquatableArray<ClientModel> Clients,
    EquatableArray<SecuritySchemeModel> SecuritySchemes);

/// <summary>What parsing one spec yields: the model (null when nothing could be read) and its diagnostics.</summary>
internal sealed record ParseResult(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One spec file and its per-file options, as text: the first, cheap step of the pipeline.</summary>
internal sealed record SpecInput(string Path, string Text, string Namespace, string ClientName, string HintPrefix, GenerationOptions? Options = null)
{
    /// <summary>The emitting options, defaults when none were given.</summary>
    public GenerationOptions EffectiveOptions => Options ?? GenerationOptions.Default;
}
