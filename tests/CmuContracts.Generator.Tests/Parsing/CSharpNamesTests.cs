using CmuContracts.Generator.Naming;
using Xunit;

namespace CmuContracts.Generator.Tests.Parsing;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("client_id", "ClientId")]
    [InlineData("application-id", "ApplicationId")]
    [InlineData("X-Device-Info", "XDeviceInfo")]
    [InlineData("_links", "Links")]
    [InlineData("drill-down", "DrillDown")]
    [InlineData("duration_0-15", "Duration0_15")]
    [InlineData("duration_2h-4h", "Duration2h4h")]
    [InlineData("find pet by id", "FindPetById")]
    [InlineData("listVersionsv2", "ListVersionsv2")]
    [InlineData("OAuthError", "OAuthError")]
    [InlineData("2fa", "_2fa")]
    [InlineData("1-2", "_1_2")]
    [InlineData("class", "Class")]
    [InlineData("---", "Value")]
    [InlineData("", "Value")]
    [InlineData("café-crème", "CaféCrème")]
    public void PascalCase(string input, string expected) => Assert.Equal(expected, CSharpNames.Pascal(input));

    [Theory]
    [InlineData("X-Device-Info", "xDeviceInfo")]
    [InlineData("AP-Device-Identifier", "apDeviceIdentifier")]
    [InlineData("ID", "id")]
    [InlineData("URL", "url")]
    [InlineData("XMLHttpRequest", "xmlHttpRequest")]
    [InlineData("IOStream", "ioStream")]
    [InlineData("OAuthToken", "oAuthToken")]
    [InlineData("v2-api", "v2Api")]
    [InlineData("client_id", "clientId")]
    [InlineData("class", "@class")]
    [InlineData("params", "@params")]
    [InlineData("Event", "@event")]
    [InlineData("3d", "_3d")]
    [InlineData("", "value")]
    public void CamelCase(string input, string expected) => Assert.Equal(expected, CSharpNames.Camel(input));

    [Fact]
    public void MakeUniqueAddsNumericSuffixes()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        Assert.Equal("Name", CSharpNames.MakeUnique("Name", taken));
        Assert.Equal("Name2", CSharpNames.MakeUnique("Name", taken));
        Assert.Equal("Name3", CSharpNames.MakeUnique("Name", taken));
        Assert.Equal("@class", CSharpNames.MakeUnique("@class", taken));
        Assert.Equal("class2", CSharpNames.MakeUnique("@class", taken));
    }
}
