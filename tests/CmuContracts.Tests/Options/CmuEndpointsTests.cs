using CmuContracts.Emulator.Hosting;
using YamlDotNet.RepresentationModel;

namespace CmuContracts.Tests.Options;

/// <summary>
/// Each environment's base addresses are the spec's <c>servers</c> (the generator emits only each client's first
/// server), and an environment without a documented CMU host has none.
/// </summary>
public sealed class CmuEndpointsTests
{
    // The order the spec lists the DCR servers in: Release production, Release staging, Pre-Qualification production, Pre-Qualification staging.
    private static readonly CmuEnvironment[] SpecOrder =
        [CmuEnvironment.Production, CmuEnvironment.Staging, CmuEnvironment.PreQualification, CmuEnvironment.PreQualificationStaging];

    [Fact]
    public void EachEnvironmentsRegistrationAddressIsItsServerInTheSpec()
    {
        var servers = Servers("/client/register");

        Assert.Equal(servers, Servers("/client/token"));
        Assert.Equal(servers, SpecOrder.Select(e => new CmuClientOptions { Environment = e }.EffectiveRegistrationBaseAddress.ToString().TrimEnd('/')));
    }

    [Fact]
    public void OnlyProductionHasACmuAddressTheOneServerOfEveryReportPath()
    {
        var paths = ((YamlMappingNode)Spec()["paths"]).Children
            .Where(p => ((YamlScalarNode)p.Key).Value is not ("/client/register" or "/client/token"))
            .Select(p => ((YamlScalarNode)p.Key).Value!).ToArray();

        Assert.Equal(114, paths.Length);
        Assert.All(paths, p => Assert.Equal(["https://mgmt.auth.adobe.com/cmu/v2"], Servers(p)));
        Assert.Equal(new Uri("https://mgmt.auth.adobe.com/cmu/v2/"), new CmuClientOptions().EffectiveCmuBaseAddress);
        Assert.All(SpecOrder.Skip(1), e => Assert.Null(new CmuClientOptions { Environment = e }.EffectiveCmuBaseAddress));
    }

    [Fact]
    public void AnExplicitCmuAddressServesAnyEnvironment()
    {
        var address = new Uri("https://cmu.example.test/cmu/v2/");

        Assert.All(SpecOrder, e => Assert.Equal(address, new CmuClientOptions { Environment = e, CmuBaseAddress = address }.EffectiveCmuBaseAddress));
    }

    private static string[] Servers(string path)
    {
        var item = (YamlMappingNode)((YamlMappingNode)Spec()["paths"])[path];
        return [.. ((YamlSequenceNode)item["servers"]).Children.Select(s => ((YamlScalarNode)((YamlMappingNode)s)["url"]).Value!)];
    }

    private static YamlMappingNode Spec()
    {
        // The emulator embeds the spec it serves; it is the same file the generator reads.
        using var stream = typeof(AdobePassEmulator).Assembly.GetManifestResourceStream("adobe-pass.openapi.yaml")!;
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
