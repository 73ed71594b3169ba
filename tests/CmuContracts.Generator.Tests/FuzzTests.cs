using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// Mutated specs (truncations, bit flips, deleted lines and keys, wrong value shapes, duplicated keys, random unicode,
/// odd names, swapped and re-indented lines) from a fixed seed: the generator never throws, never reports CMU1009,
/// and each case either reports an error diagnostic or generates code that compiles without errors.
/// Failures are listed with the mutation recipe and a line-minimized input.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 424_242;
    private const int CasesPerCorpusSpec = 320;
    private const int CasesForOurSpec = 160;

    [Fact]
    public void MutatedSpecsNeverCrashTheGeneratorAndEitherReportErrorsOrCompile()
    {
        var stopwatch = Stopwatch.StartNew();
        var seeds = TestPaths.CorpusNames().Select(n => (Spec: Specs.Corpus(n), Cases: CasesPerCorpusSpec))
            .Append((Spec: Specs.Ours(), Cases: CasesForOurSpec))
            .ToList();
        var cases = seeds.SelectMany((s, si) => Enumerable.Range(0, s.Cases).Select(i => (s.Spec, Index: (si * 100_000) + i))).ToList();
        Assert.True(cases.Count >= 2000, $"only {cases.Count} cases");

        var fuzzer = new Fuzzer();
        var failures = new ConcurrentBag<FuzzFailure>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            var random = new Random(Seed + c.Index);
            var (text, recipe) = SpecMutator.Mutate(c.Spec.Text, random);
            var verdict = fuzzer.Check(c.Spec with { Text = text });
            if (verdict is not null)
            {
                failures.Add(new FuzzFailure(c.Spec, c.Index, recipe, text, verdict));
            }
        });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases.Count} cases in {stopwatch.Elapsed.TotalSeconds:F1} s: {fuzzer.WithErrors} reported errors, {fuzzer.Compiled} compiled, {fuzzer.CacheHits} reused an identical compile, {failures.Count} failed"));
        foreach (var (path, time) in fuzzer.CompileTime.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  compiling outputs of {path}: {time.TotalSeconds:F1} s"));
        }

        Assert.True(fuzzer.Compiled + fuzzer.CacheHits > cases.Count / 10, "too few cases reached compilation for the test to mean anything");

        if (!failures.IsEmpty)
        {
            var report = new StringBuilder();
            report.Append(failures.Count).Append(" of ").Append(cases.Count).Append(" mutated specs failed. First ones, minimized:\n");
            foreach (var failure in failures.OrderBy(f => f.Index).GroupBy(f => f.Verdict.Kind + f.Verdict.Signature).Select(g => g.First()).Take(6))
            {
                var minimized = Minimize(fuzzer, failure);
                report.Append("\n=== case ").Append(failure.Index).Append(" from ").Append(failure.Seed.Path).Append(" (").Append(failure.Recipe).Append(")\n")
                    .Append(failure.Verdict.Kind).Append(": ").Append(failure.Verdict.Detail).Append('\n')
                    .Append("--- minimized input (").Append(minimized.Split('\n').Length).Append(" lines) ---\n")
                    .Append(Visible(minimized)).Append("\n--- end ---\n");
            }

            output.WriteLine(report.ToString());
            Assert.Fail(report.ToString());
        }
    }

    /// <summary>Removes chunks of lines while the same kind of failure remains (a small ddmin).</summary>
    private static string Minimize(Fuzzer fuzzer, FuzzFailure failure)
    {
        var lines = failure.Text.Split('\n').ToList();
        var chunk = Math.Max(1, lines.Count / 2);
        var budget = 400;
        while (chunk >= 1 && budget > 0)
        {
            var removedAny = false;
            for (var start = 0; start < lines.Count && budget > 0; budget--)
            {
                var candidate = lines.Take(start).Concat(lines.Skip(start + chunk)).ToList();
                var verdict = fuzzer.Check(failure.Seed with { Text = string.Join('\n', candidate) });
                if (verdict is not null && verdict.Kind == failure.Verdict.Kind && verdict.Signature == failure.Verdict.Signature)
                {
                    lines = candidate;
                    removedAny = true;
                }
                else
                {
                    start += chunk;
                }
            }

            if (!removedAny)
            {
                chunk /= 2;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Shows control and invisible characters as escapes so a minimized input can be copied from the report.</summary>
    private static string Visible(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '\n' || (c >= ' ' && c < 0x7F))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.ToString();
    }

    private sealed record FuzzFailure(SpecFile Seed, int Index, string Recipe, string Text, Verdict Verdict);

    /// <summary>What went wrong: a kind (exception, CMU1009, compile error), a signature to group and minimize by, and details.</summary>
    private sealed record Verdict(string Kind, string Signature, string Detail);

    /// <summary>Runs one case. Thread-safe; reuses the shared references and a cache of compile results.</summary>
    private sealed class Fuzzer
    {
        private readonly ConcurrentDictionary<string, string?> _compileCache = new(StringComparer.Ordinal);
        private int _withErrors;
        private int _compiled;
        private int _cacheHits;

        public int WithErrors => _withErrors;

        public int Compiled => _compiled;

        public int CacheHits => _cacheHits;

        public Verdict? Check(SpecFile spec)
        {
            var compilation = GeneratorHarness.CreateCompilation(withHttp: true, Array.Empty<SyntaxTree>(), warningsAsErrors: false);
            var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);
            var result = driver.GetRunResult();
            foreach (var r in result.Results)
            {
                if (r.Exception is not null)
                {
                    return new Verdict("generator exception", r.Exception.GetType().Name, r.Exception.ToString());
                }
            }

            var internalError = result.Diagnostics.FirstOrDefault(d => d.Id == "CMU1009");
            if (internalError is not null)
            {
                var message = internalError.GetMessage(CultureInfo.InvariantCulture);
                return new Verdict("CMU1009", message.Split(':')[0], message);
            }

            if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                Interlocked.Increment(ref _withErrors);
                return null;
            }

            var sources = result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
            var key = CacheKey(sources.Select(s => s.SourceText.ToString()));
            if (_compileCache.TryGetValue(key, out var cached))
            {
                Interlocked.Increment(ref _cacheHits);
                return cached is null ? null : new Verdict("compile error", cached, cached);
            }

            Interlocked.Increment(ref _compiled);
            var started = Stopwatch.GetTimestamp();
            try
            {
                return Compile(compilation, sources, key);
            }
            finally
            {
                CompileTime.AddOrUpdate(spec.Path, _ => Stopwatch.GetElapsedTime(started), (_, t) => t + Stopwatch.GetElapsedTime(started));
            }
        }

        /// <summary>Time spent compiling, per seed spec (reported, to keep the test's cost visible).</summary>
        public ConcurrentDictionary<string, TimeSpan> CompileTime { get; } = new(StringComparer.Ordinal);

        private Verdict? Compile(CSharpCompilation compilation, List<GeneratedSourceResult> sources, string key)
        {
            var output = compilation.AddSyntaxTrees(sources.Select(s => s.SyntaxTree));
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var verdict = errors.Count == 0
                ? null
                : new Verdict("compile error", errors[0].Id, string.Join("\n", errors.Take(5).Select(e => e.ToString())) + Context(errors[0]));
            _compileCache[key] = verdict?.Signature;
            return verdict;
        }

        private static string Context(Diagnostic error)
        {
            var tree = error.Location.SourceTree;
            if (tree is null)
            {
                return string.Empty;
            }

            var line = error.Location.GetLineSpan().StartLinePosition.Line;
            var text = tree.GetText();
            var from = Math.Max(0, line - 2);
            var to = Math.Min(text.Lines.Count - 1, line + 2);
            var builder = new StringBuilder("\nin ").Append(Path.GetFileName(tree.FilePath)).Append(":\n");
            for (var i = from; i <= to; i++)
            {
                builder.Append(i == line ? "> " : "  ").Append(Visible(text.Lines[i].ToString())).Append('\n');
            }

            return builder.ToString();
        }

        /// <summary>
        /// The generated code without its doc-comment lines: doc comments are not checked by the compiler here
        /// (DocumentationMode.Parse), so outputs that differ only there compile alike. Lines holding a character C#
        /// treats as a line break are kept, since such a character would end the comment.
        /// </summary>
        private static string CacheKey(IEnumerable<string> sources)
        {
            var builder = new StringBuilder();
            foreach (var source in sources)
            {
                foreach (var line in source.Split('\n'))
                {
                    if (line.TrimStart().StartsWith("///", StringComparison.Ordinal) && line.IndexOfAny(CSharpLineBreaks) < 0)
                    {
                        continue;
                    }

                    builder.Append(line).Append('\n');
                }

                builder.Append('\0');
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
        }

        private static readonly char[] CSharpLineBreaks = { '\r', '\u0085', '\u2028', '\u2029' };
    }
}
