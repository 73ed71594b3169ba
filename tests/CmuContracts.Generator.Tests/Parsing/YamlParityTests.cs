using CmuContracts.Benchmarks;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using YamlDotNet.Core;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// The YAML fast path (<see cref="YamlSpecTree"/>) against YamlDotNet on the same text: wherever the fast path reads
/// a text, it builds the tree YamlDotNet's events build (ids, values, styles, marks), so the model and diagnostics
/// are the same; wherever YamlDotNet would read it differently or fail, the fast path declines. Every corpus spec,
/// our own spec and the synthetic spec are read by it; YAML's corners are below, and a fuzz mutates the corpus.
/// </summary>
public sealed class YamlParityTests
{
    private const string Synthetic = "synthetic";
    private const string SyntheticJson = "synthetic JSON";

    public static TheoryData<string, bool> Specs()
    {
        var specs = CorpusAndOurSpec().Append(Synthetic).Append(SyntheticJson);
        var data = new TheoryData<string, bool>();
        foreach (var spec in specs)
        {
            // As written (LF), and as a Windows checkout has it (CRLF).
            data.Add(spec, false);
            data.Add(spec, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecsAreReadByTheFastPathAsYamlDotNetReadsThem(string spec, bool crlf)
    {
        var yaml = SpecText(spec);
        if (crlf)
        {
            yaml = yaml.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        Assert.True(FastPathApplies(yaml, out var reason), reason);
        AssertSameTree(yaml);
        var (fast, slow) = ParseBoth(yaml);
        Assert.NotNull(fast.Model);
        Assert.NotEmpty(fast.Model!.Clients);
        AssertSameResult(slow, fast);
    }

    /// <summary>Indented JSON is flow YAML the fast path reads (tabs and minified JSON it leaves to the JSON path).</summary>
    [Theory]
    [MemberData(nameof(JsonParityTests.Specs), MemberType = typeof(JsonParityTests))]
    public void SpecsConvertedToJsonAreReadByTheFastPathAsYamlDotNetReadsThem(string file, JsonLayout layout)
    {
        var json = YamlToJson.Convert(File.ReadAllText(file), layout);

        Assert.True((layout == JsonLayout.Indented) == FastPathApplies(json, out var reason), reason ?? "The fast path read it");
        if (layout == JsonLayout.Indented)
        {
            AssertSameTree(json);
            var (fast, slow) = ParseBoth(json);
            AssertSameResult(slow, fast);
        }
    }

    /// <summary>YAML's corners, and whether the fast path reads them (when it does, the trees must be equal).</summary>
    public static TheoryData<string, bool> Corners() => new()
    {
        // Block collections: nested, indentless and compact sequences, empty values, comments everywhere.
        { "a: 1\nb:\n  c: x y  \n  d: [p, q]\ne:\n- f\n- g: h\n  i: j\nk:\n  - l\nm: {n: o}\n", true },
        { "# lead\n\na:   # after key\n  # inside\n  b: c # trailing\n\n\n# end", true },
        { "p:\n  - name: x\n    in: q\n  -\n    a: 1\n  - - n\n    - m\n  - [a, {b: c}]\n  - {}\n  - []\nq:\n  r:\n  - s\n  t: u\n", true },
        { "a:\nb:   \nc: # c\nd:\n  e:\nf: 1", true },
        { "- a\n- b: c\n  d: e\n-   - x\n", true },
        { "a: 1\n   \n  \nb: 2\n", true },

        // Plain scalars: several lines, folded; indicators inside; numbers and such are plain text.
        { "h: z\n  w\n\n  v  # c\ni: after\n", true },
        { "a: one\n  two\n\n\n  three\n   four\nb: x", true },
        { "- one\n  two\n- three", true },
        { "a: b#c d\ne: -1\nf: http://x.y/z?q=1&r=[2]\ng: a'b\"c\nh: 'x' y\n", false },
        { "a: b#c d\ne: -1\nf: http://x.y/z?q=1&r=[2]\ng: a'b\"c\nh: ~\ni: .inf\n", true },
        { "/pets/{id}: x\n$ref: '#/a'\n'200': ok\n\"x y\": z\n", true },
        { "a: b\n  c: d\n", false },
        { "a: b\n  - c\n", false },
        { "a: b:\n", false },
        { "a: b\n  # comment\n  c\n", false },
        { "a: b\n# comment\n  c\n", false },

        // Quoted scalars: escapes, doubled quotes; unicode and astral characters keep UTF-16 columns.
        { "\"q\\u00e9\\n\": \"v\\t\\\"\\\\\\x41\\U0001F600\\N\\_\\L\\P\\0\\a\\b\\v\\f\\r\\e\\ \" # c\n'k': 'it''s'\n", true },
        { "a: \"\\/\"\n", true },
        { "a: é😀 b\nc: '😀'\nd: \"😀\"\n\"😀\": [😀, x]\n", true },
        { "a: \"multi\n  line\"\n", false },
        { "a: 'multi\n  line'\n", false },
        { "a: \"\\q\"\n", false },
        { "a: \"\\ud800\"\n", false },
        { "a: \"x\"y\n", false },
        { "a: 'x' # c\nb: \"y\"   \n", true },

        // Block scalars: literal and folded, chomping, empty lines, the end of the text.
        { "q: |\n  line1\n   line2\n\nr: >-\n  f1\n  f2\n\n  f3\ns: x\n", true },
        { "a:\n  b: |\n    x\n\n  c: 1\n  d: |-\n    y\n  e: >+\n    z\n\n\nf: |\n  last", true },
        { "a: |\n\n\n  after empty lines\n  # not a comment\nb: |+\n  kept\n\n", true },
        { "- |\n  in a sequence\n- >\n  folded\n  too\n- x", true },
        { "a: |  # comment\n  text\n# comment\nb: >-   \n  t\n", true },
        { "a: |\n  trailing spaces  \n  kept \nb: x", true },
        { "a: |2\n   x\n", false },
        { "a: >\n  p\n    more\n  q\n", false },
        { "a: |\n  x\n   \n  y\n", false },
        { "a: |\nb: 1\n", false },

        // Flow collections on one line.
        { "a: { type: integer, format: int32, minimum: 1 }\nb: [area0]\nc: { $ref: '#/x' }\nd: [\"x\", 'y', {e: [f, g]}]\n", true },
        { "a: {}\nb: [ ]\nc: { }\n", true },
        { "a: {b: c, }\n", false },
        { "a: [b, ]\n", false },
        { "a: [b: c]\n", false },
        { "a: {b}\n", false },
        { "a: {b: http://x}\n", false },
        { "a: [b,\n  c]\n", true },
        { "a:\n  b:\n    {\n      \"v\": [ # c\n        {\"x\": 1, \"y\": \"z\"},\n\n        true ],\n      \"w\": null\n    }\n  c: 1\n", true },
        { "- [\n    a, b\n  ]\n- {c: d,\n   e: f}\n", true },
        { "a: {\n  b: 1\n}\n", false },
        { "a: [b\n  c]\n", false },
        { "a: [\"b\"\n  : c]\n", false },
        { "a: {b: [c, d}\n", false },
        { "a: {b : c}\n", false },
        { "a: [b] x\n", false },

        // Everything YamlDotNet reads its own way, or rejects.
        { "---\na: 1\n", false },
        { "a: 1\n...\n", false },
        { "a: 1\n---\nb: 2\n", false },
        { "%YAML 1.1\n---\na: 1\n", false },
        { "a: &x 1\nb: *x\n", false },
        { "a: !!str 1\n", false },
        { "? a\n: 1\n", false },
        { "a:\tb\n", false },
        { "\uFEFFa: 1\n", false },
        { "a: 1\nb\n", false },
        { "a: 1\na: 2\n", false },
        { "a: 1\n  b: 2\n", false },
        { "a:\n  - b\n  c: d\n", false },
        { "a:\n  just a scalar\n", false },
        { "  a: 1\n", false },
        { "[a, b]\n", true },
        { "{\"openapi\": \"3.0.0\",\n\"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {}\n}\n", true },
        { "{a: 1}\nb: 2\n", false },
        { "{\"a\":1}\n", false },
        { "  {\"a\": 1}\n", false },
        { "a: @b\n", false },
        { "a: `b`\n", false },
        { "a: - b\n", false },
        { "- \n- a\n", false },
        { "key : value\n", false },
        { "a: 1 # c\n  b\n", false },
        { string.Empty, false },
        { "# only a comment\n", false },
        { "a: \"" + new string('x', 1_100) + "\"\n", true },
        { "\"" + new string('k', 1_100) + "\": 1\n", false },
        { "a: " + new string('[', 1_200) + new string(']', 1_200) + "\n", false },
    };

    [Theory]
    [MemberData(nameof(Corners))]
    public void YamlCornersAreReadAsYamlDotNetReadsThemOrDeclined(string yaml, bool fastPathReadsIt)
    {
        Assert.True(fastPathReadsIt == FastPathApplies(yaml, out var reason), reason ?? "The fast path read it");
        if (fastPathReadsIt)
        {
            AssertSameTree(yaml);
        }

        var (fast, slow) = ParseBoth(yaml);
        AssertSameResult(slow, fast);
    }

    /// <summary>The same corners with CRLF line ends: one break each, as YamlDotNet counts them; a CR alone is declined.</summary>
    [Theory]
    [MemberData(nameof(Corners))]
    public void YamlCornersWithCrLfLineEndsAreReadAsYamlDotNetReadsThemOrDeclined(string yaml, bool fastPathReadsIt)
    {
        YamlCornersAreReadAsYamlDotNetReadsThemOrDeclined(yaml.Replace("\n", "\r\n", StringComparison.Ordinal), fastPathReadsIt);
    }

    [Theory]
    [InlineData("a: 1\rb: 2\n")]
    [InlineData("a: |\n  x\r  y\n")]
    [InlineData("a: 'x\ry'\n")]
    public void ALoneCarriageReturnIsLeftToYamlDotNet(string yaml)
    {
        Assert.False(FastPathApplies(yaml, out _));
        var (fast, slow) = ParseBoth(yaml);
        AssertSameResult(slow, fast);
    }

    [Fact]
    public void ARepeatedKeyIsLeftToYamlDotNetAndReportedAtTheSecondKey()
    {
        const string yaml = "openapi: 3.0.0\ninfo:\n  title: a\n  title: b\n";
        Assert.False(FastPathApplies(yaml, out _));

        var error = Single(Parse(yaml), "CMU1001");
        AssertAt(error, 3, 2);
    }

    /// <summary>
    /// One to three small mutations of every corpus spec and ours, with LF and CRLF line ends and as JSON (a character
    /// deleted, doubled or replaced by a YAML indicator or a CR, a line indented differently, a piece of a line copied
    /// onto a new line): whenever the fast path reads the result, YamlDotNet reads the same tree from it; whenever
    /// YamlDotNet fails, the fast path has declined. The fast path never throws anything else.
    /// </summary>
    [Fact]
    public void MutatedSpecsAreReadAsYamlDotNetReadsThemOrDeclined()
    {
        const string Inserts = ":-#'\"|>{}[], \n\r&*!?%@`\\ab1";
        var random = new Random(20_261_201);
        var read = 0;
        var total = 0;
        var ours = TestPaths.OurSpecPath;
        foreach (var file in CorpusAndOurSpec())
        {
            var lf = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
            var json = YamlToJson.Convert(lf, JsonLayout.Indented);

            // Our spec is 50 times larger than a corpus spec: fewer mutants of it.
            var mutants = file == ours ? Math.Max(1, MutantsPerSpec() / 8) : MutantsPerSpec();
            for (var i = 0; i < mutants; i++)
            {
                // The mutants start from the text as written, with CRLF line ends, or as indented JSON.
                var text = (i % 3) switch { 0 => lf, 1 => crlf, _ => json };
                for (var m = random.Next(3); m >= 0; m--)
                {
                    text = Mutate(text, random, Inserts);
                }

                total++;
                SpecNode? fast;
                try
                {
                    fast = YamlSpecTree.Load(text);
                }
                catch (YamlSpecTree.Unavailable)
                {
                    continue;
                }

                read++;
                var slow = ReadWithYamlDotNet(text, out var error);
                Assert.True(slow is not null, $"The fast path read a text YamlDotNet rejects ({error}):\n{text}");
                try
                {
                    SpecTreeAssert.Equal(slow!, fast);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException("Trees differ for:\n" + text, e);
                }
            }
        }

        // The fast path must have read a fair share of the mutants, or the comparison says little.
        Assert.True(read > total / 4, $"The fast path read {read} of {total} mutated specs");
    }

    /// <summary>400 in a test run; set CMU_YAML_FUZZ_MUTANTS for a longer hunt.</summary>
    private static int MutantsPerSpec() =>
        int.TryParse(Environment.GetEnvironmentVariable("CMU_YAML_FUZZ_MUTANTS"), out var count) && count > 0 ? count : 400;

    private static string Mutate(string text, Random random, string inserts)
    {
        var at = random.Next(text.Length);
        switch (random.Next(6))
        {
            case 0:
                return text.Remove(at, 1);
            case 1:
                return text.Insert(at, text[at].ToString());
            case 2:
                return text.Remove(at, 1).Insert(at, inserts[random.Next(inserts.Length)].ToString());
            case 3:
                return text.Insert(at, inserts[random.Next(inserts.Length)].ToString());
            case 4:
                var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                return random.Next(2) == 0 ? text.Insert(lineStart, " ") : text.Insert(lineStart, "  ");
            default:
                var lineBreak = text.IndexOf('\n', at);
                return lineBreak < 0 ? text : text.Insert(lineBreak + 1, string.Concat(new string(' ', random.Next(8)), text.AsSpan(at, Math.Min(12, lineBreak - at)), "\n"));
        }
    }

    private static SpecNode? ReadWithYamlDotNet(string text, out string? error)
    {
        error = null;
        try
        {
            try
            {
                return SpecTreeLoader.Load(new Parser(new StringReader(text)));
            }
            catch (SpecTreeLoader.NeedsYamlStream)
            {
                return YamlStreamTree.Load(new Parser(new StringReader(text)));
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            error = e.Message;
            return null;
        }
    }

    private static string SpecText(string spec) => spec == Synthetic ? SyntheticSpecBuilder.Build().Yaml
        : spec == SyntheticJson ? SyntheticJsonSpecBuilder.Build().Json
        : File.ReadAllText(spec).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static (ParseResult Fast, ParseResult Slow) ParseBoth(string yaml)
    {
        var input = new SpecInput(SpecPath, yaml, "Parity", "Parity", "Parity");
        return (SpecParser.Parse(input, FastPaths.Yaml, CancellationToken.None), SpecParser.Parse(input, FastPaths.None, CancellationToken.None));
    }

    private static bool FastPathApplies(string yaml, out string? reason)
    {
        try
        {
            YamlSpecTree.Load(yaml);
            reason = null;
            return true;
        }
        catch (YamlSpecTree.Unavailable e)
        {
            reason = e.Message;
            return false;
        }
    }

    private static void AssertSameTree(string yaml)
    {
        var fast = YamlSpecTree.Load(yaml);
        var slow = ReadWithYamlDotNet(yaml, out var error);
        Assert.True(slow is not null, "YamlDotNet rejects it: " + error);
        SpecTreeAssert.Equal(slow!, fast);
    }
}
