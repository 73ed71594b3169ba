using CmuContracts.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CmuContracts.Tests.Auth;

public sealed class SoftwareStatementTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ReadsSubIssuerAndTimesAndToleratesSurroundingWhitespace()
    {
        var jwt = TestJwt.Create("""{"sub":"5f0c2a3e","nbf":1700000000,"iss":"auth.adobe.com","iat":1700000100}""");

        var statement = SoftwareStatement.Parse("\n  " + jwt + " \r\n", Clock);

        Assert.Equal("5f0c2a3e", statement.SoftwareId);
        Assert.Equal("auth.adobe.com", statement.Issuer);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), statement.NotBefore);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000100), statement.IssuedAt);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void AnNbfUpToFiveMinutesAheadOfTheClockIsAllowedForClockSkew(int aheadSeconds, bool valid)
    {
        var nbf = Clock.GetUtcNow().ToUnixTimeSeconds() + aheadSeconds;
        var jwt = TestJwt.Create($$"""{"sub":"a","iss":"auth.adobe.com","nbf":{{nbf}}}""");

        var problem = Record.Exception(() => SoftwareStatement.Parse(jwt, Clock)) is SoftwareStatementException ex ? ex.Problem : (SoftwareStatementProblem?)null;

        Assert.Equal(valid ? null : SoftwareStatementProblem.NotYetValid, problem);
    }

    [Fact]
    public void PrefersSoftwareIdOverSub()
    {
        var statement = SoftwareStatement.Parse(TestJwt.Create("""{"software_id":"4NRB1","sub":"other","iss":"x"}"""), Clock);

        Assert.Equal("4NRB1", statement.SoftwareId);
        Assert.Null(statement.NotBefore);
    }

    [Fact]
    public void ToStringNeverShowsTheStatement()
    {
        var jwt = TestJwt.Create("""{"sub":"abc","iss":"auth.adobe.com"}""");
        var text = SoftwareStatement.Parse(jwt, Clock).ToString();

        Assert.Contains("abc", text, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt.Split('.')[1], text, StringComparison.Ordinal);
    }

    public static TheoryData<string, SoftwareStatementProblem, string> Malformed() => new()
    {
        { "   ", SoftwareStatementProblem.Missing, "empty" },
        { "abc.def", SoftwareStatementProblem.NotThreeSegments, "2 dot-separated" },
        { "a.b.c.d", SoftwareStatementProblem.NotThreeSegments, "4 dot-separated" },
        { "e30.!!!notbase64!!!.c2ln", SoftwareStatementProblem.InvalidBase64, "payload that is not valid base64url" },
        { "%%%." + TestJwt.Encode("{}") + ".c2ln", SoftwareStatementProblem.InvalidBase64, "header that is not valid base64url" },
        { TestJwt.Create("{\"sub\":\"a\",\"iss\":"), SoftwareStatementProblem.InvalidJson, "payload that is not valid JSON" },
        { TestJwt.Create("[1,2]"), SoftwareStatementProblem.InvalidJson, "payload that is not a JSON object" },
        { TestJwt.Create("""{"sub":"a"}"""), SoftwareStatementProblem.MissingIssuer, "'iss'" },
        { TestJwt.Create("""{"iss":"auth.adobe.com"}"""), SoftwareStatementProblem.MissingSoftwareId, "'software_id'" },
        { TestJwt.Create("""{"sub":"a","iss":"auth.adobe.com","nbf":1893456000}"""), SoftwareStatementProblem.NotYetValid, "not valid yet" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void EachMalformedStatementHasItsProblemAndAMessageWithoutTheStatement(string text, SoftwareStatementProblem problem, string expected)
    {
        var ex = Assert.Throws<SoftwareStatementException>(() => SoftwareStatement.Parse(text, Clock));

        Assert.Equal(problem, ex.Problem);
        Assert.StartsWith("The software statement ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        if (text.Trim().Length > 0)
        {
            Assert.DoesNotContain(text.Trim(), ex.Message, StringComparison.Ordinal);
        }

        foreach (var segment in text.Split('.').Where(s => s.Trim().Length > 3))
        {
            Assert.DoesNotContain(segment.Trim(), ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FromFileReadsADownloadedStatementWithATrailingNewline()
    {
        var path = Path.Combine(Path.GetTempPath(), "cmu-ss-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, TestJwt.Create("""{"sub":"file-app","iss":"auth.adobe.com"}""") + "\n");
        try
        {
            Assert.Equal("file-app", SoftwareStatement.FromFile(path, Clock).SoftwareId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFileNamesTheFileWhenItIsMissingOrMalformed()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cmu-missing-" + Guid.NewGuid().ToString("N") + ".txt");
        var ex = Assert.Throws<SoftwareStatementException>(() => SoftwareStatement.FromFile(missing, Clock));
        Assert.Equal(SoftwareStatementProblem.Unreadable, ex.Problem);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);

        var bad = Path.Combine(Path.GetTempPath(), "cmu-bad-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(bad, "only.two");
        try
        {
            var ex2 = Assert.Throws<SoftwareStatementException>(() => SoftwareStatement.FromFile(bad, Clock));
            Assert.Equal(SoftwareStatementProblem.NotThreeSegments, ex2.Problem);
            Assert.Contains($"file '{bad}'", ex2.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
