using CmuContracts.Generator.Emitting;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace CmuContracts.Generator.Tests.Emitting;

/// <summary>Spec text becomes C# string literals that the compiler reads back as the same text.</summary>
public sealed class LiteralsTests
{
    public static TheoryData<string> Texts() => new()
    {
        "",
        "plain_name",
        "/v1/accounts/{account}",
        "quote \" and backslash \\",
        "lines\r\nand\ttabs\0",
        "separators \u2028 \u2029",
        "controls \u0001 \u007f \u0085 \u009f",
        "naïve € résumé",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void AStringLiteralReadsBackAsTheSameText(string text)
    {
        var literal = Literals.String(text);

        var parsed = Assert.IsType<LiteralExpressionSyntax>(SyntaxFactory.ParseExpression(literal));
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(text, parsed.Token.ValueText);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void AUtf8LiteralIsTheStringLiteralWithTheU8Suffix(string text)
    {
        var literal = Literals.Utf8(text);

        Assert.Equal(Literals.String(text) + "u8", literal);
        var parsed = Assert.IsType<LiteralExpressionSyntax>(SyntaxFactory.ParseExpression(literal));
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(SyntaxKind.Utf8StringLiteralExpression, parsed.Kind());
    }
}
