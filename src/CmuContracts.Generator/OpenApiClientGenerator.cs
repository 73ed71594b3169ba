using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Emitting;
using CmuContracts.Generator.Emitting.Refit;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using Microsoft.CodeAnalysis;

// The generator sets the invariant culture around parsing and emitting, as System.Text.Json's generator
// does, so nothing culture-sensitive can leak into generated code; it restores the caller's culture.
#pragma warning disable RS1035

namespace CmuContracts.Generator;

/// <summary>
/// Turns OpenAPI 3.0/3.1 specs (AdditionalFiles) into Refit interfaces, their generated implementations and reflection-free DTOs.
/// Pipeline: spec text -> <see cref="SpecParser"/> -> equatable <see cref="ApiModel"/> -> <see cref="SourceEmitter"/>.
/// Diagnostics travel separately from the model so a diagnostic-only change never re-emits code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sources = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => SpecSource.IsSpec(pair.Left, pair.Right))
            .Select(static (pair, ct) => SpecSource.Create(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.SpecInput);

        var parsed = sources
            .Select(static (source, ct) => (Path: source.Input.Path, Options: source.Input.EffectiveOptions, Result: ParseSafely(source, ct)))
            .WithTrackingName(TrackingNames.Parse);

        var models = parsed
            .Select(static (parse, _) => (parse.Path, parse.Options, parse.Result.Model))
            .WithTrackingName(TrackingNames.Model);

        var diagnostics = parsed
            .Select(static (parse, _) => parse.Result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // Two specs must not generate the same namespace (the runtime types would collide).
        var duplicates = sources
            .Select(static (source, _) => new SpecKey(source.Input.Path, source.Input.Namespace))
            .Collect()
            .Select(static (keys, _) => FindDuplicates(keys));

        var features = context.CompilationProvider
            .Select(static (compilation, _) => CompilationFeatures.From(compilation))
            .WithTrackingName(TrackingNames.Features);

        context.RegisterSourceOutput(models.Combine(duplicates).Combine(features), static (spc, input) =>
        {
            var (((path, options, model), skipped), features) = input;
            if (model is null || skipped.Contains(path))
            {
                return;
            }

            if (features.RefitProblem is { } problem && model.Clients.Count > 0)
            {
                // Located in the spec: it is the spec's operations that need Refit.
                spc.ReportDiagnostic(ToDiagnostic(new DiagnosticInfo(
                    DiagnosticDescriptors.RefitMissing.Id, LocationInfo.FileStart(path), new[] { problem }.ToEquatableArray())));
            }

            Emit(spc, model, options, features.RefitProblem is null ? features.Refit : null, features.RefitProblem is null && features.HasRefitHttpClientFactory);
        });

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(ToDiagnostic(item));
            }
        });

        context.RegisterSourceOutput(sources.Combine(duplicates), static (spc, input) =>
        {
            var (source, skipped) = input;
            if (skipped.Contains(source.Input.Path))
            {
                spc.ReportDiagnostic(ToDiagnostic(new DiagnosticInfo(
                    DiagnosticDescriptors.DuplicateOutput.Id,
                    LocationInfo.FileStart(source.Input.Path),
                    new[] { source.Input.ClientName, source.Input.Namespace }.ToEquatableArray())));
            }
        });
    }

    /// <summary>Parsing never throws out of the generator: anything unexpected becomes CMU1009.</summary>
    internal static ParseResult ParseSafely(SpecSource source, CancellationToken cancellationToken)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // Number and name formatting must not depend on the machine's culture.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var result = SpecParser.Parse(source.Input, cancellationToken);
            return source.OptionDiagnostics.IsEmpty
                ? result
                : result with { Diagnostics = source.OptionDiagnostics.Concat(result.Diagnostics).ToEquatableArray() };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParseResult(null, source.OptionDiagnostics.Concat(new[]
            {
                new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, LocationInfo.FileStart(source.Input.Path), new[] { ex.GetType().Name + ": " + ex.Message }.ToEquatableArray()),
            }).ToEquatableArray());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static void Emit(SourceProductionContext context, ApiModel model, GenerationOptions options, RefitApi? refit, bool serviceCollection)
    {
        IReadOnlyList<GeneratedFile> files;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            files = SourceEmitter.Emit(model, options, refit is not null, serviceCollection, refit);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name + ": " + ex.Message));
            return;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        foreach (var file in files)
        {
            try
            {
                context.AddSource(file.HintName, file.Text);
            }
            catch (ArgumentException ex)
            {
                // A hint-name clash the parser failed to prevent must not take the whole build down.
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name + ": " + ex.Message));
            }
        }
    }

    private static EquatableArray<string> FindDuplicates(IEnumerable<SpecKey> keys)
    {
        // The first spec (by path, so the choice is stable) keeps the namespace; later ones are skipped.
        var skipped = new List<string>();
        foreach (var group in keys.GroupBy(k => k.Namespace, StringComparer.Ordinal))
        {
            foreach (var key in group.OrderBy(k => k.Path, StringComparer.Ordinal).Skip(1))
            {
                skipped.Add(key.Path);
            }
        }

        return skipped.ToEquatableArray();
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info) =>
        Diagnostic.Create(DiagnosticDescriptors.ById(info.Id), info.Location.ToLocation(), info.MessageArgs.Cast<object>().ToArray());

    private sealed record SpecKey(string Path, string Namespace);
}
