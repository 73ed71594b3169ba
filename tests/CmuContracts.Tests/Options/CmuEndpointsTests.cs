using CmuContracts.AdobePass;

namespace CmuContracts.Tests.Options;

/// <summary>
/// Each environment's base addresses are the spec's <c>servers</c>, as the generator emits them, in the order the
/// spec lists them; an environment without a documented CMU host has none (CmuClientOptionsValidationTests: it then
/// needs an explicit address and says so).
/// </summary>
public sealed class CmuEndpointsTests
{
    // What the spec's description of each DCR server says, in CmuEnvironment's order.
    private static readonly (CmuEnvironment Environment, string Described)[] Environments =
    [
        (CmuEnvironment.Production, "Release environment, production profile"),
        (CmuEnvironment.Staging, "Release environment, staging profile"),
        (CmuEnvironment.PreQualification, "Pre-Qualification environment, production profile"),
        (CmuEnvironment.PreQualificationStaging, "Pre-Qualification environment, staging profile"),
    ];

    [Fact]
    public void EachEnvironmentsRegistrationAddressIsTheServerTheSpecDescribesForIt()
    {
        Assert.Equal(Environments.Length, RegistrationOperations.Servers.Count);
        Assert.Equal(RegistrationOperations.Servers.Select(s => s.Url), TokenOperations.Servers.Select(s => s.Url));
        foreach (var (environment, described) in Environments)
        {
            var server = RegistrationOperations.Servers[(int)environment];
            Assert.Contains(described, server.Description, StringComparison.Ordinal);
            Assert.Equal(new Uri(server.Url + "/"), new CmuClientOptions { Environment = environment }.EffectiveRegistrationBaseAddress);
        }
    }

    [Fact]
    public void OnlyProductionHasACmuAddressTheOneServerTheSpecLists()
    {
        var server = Assert.Single(UsageReportsOperations.Servers);

        Assert.Equal(new Uri("https://mgmt.auth.adobe.com/cmu/v2/"), new CmuClientOptions().EffectiveCmuBaseAddress);
        Assert.Equal(server.Url + "/", new CmuClientOptions().EffectiveCmuBaseAddress!.ToString());
        Assert.All(Environments.Skip(1), e => Assert.Null(new CmuClientOptions { Environment = e.Environment }.EffectiveCmuBaseAddress));
    }

    [Fact]
    public void AnExplicitCmuAddressServesAnyEnvironment()
    {
        var address = new Uri("https://cmu.example.test/cmu/v2/");

        Assert.All(Environments, e => Assert.Equal(address, new CmuClientOptions { Environment = e.Environment, CmuBaseAddress = address }.EffectiveCmuBaseAddress));
    }
}
