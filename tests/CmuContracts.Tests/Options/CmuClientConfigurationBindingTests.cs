using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmuContracts.Tests.Options;

/// <summary>AddCmuClient(IConfiguration) binds every option, and a value it cannot read fails the start naming the setting.</summary>
public sealed class CmuClientConfigurationBindingTests
{
    private static Dictionary<string, string?> Everything() => new()
    {
        ["CmuClient:Environment"] = "preQualificationStaging",
        ["CmuClient:RegistrationBaseAddress"] = "http://127.0.0.1:5080/o/",
        ["CmuClient:CmuBaseAddress"] = "http://127.0.0.1:5081/cmu/v2/",
        ["CmuClient:SoftwareStatement"] = StartedHost.Statement,
        ["CmuClient:RedirectUri"] = "https://watch.example.com/auth/complete",
        ["CmuClient:CredentialStorePath"] = "state/credentials.json",
        ["CmuClient:ReplaceCorruptCredentialStore"] = "true",
        ["CmuClient:TokenRefreshBuffer"] = "00:02:30",
        ["CmuClient:UserAgent"] = "Reporting/2.1 (ops)",
        ["CmuClient:Resilience:MaxRetryAttempts"] = "5",
        ["CmuClient:Resilience:BaseDelay"] = "00:00:00.250",
        ["CmuClient:Resilience:MaxDelay"] = "00:00:12",
        ["CmuClient:Resilience:ThrottleDelay"] = "00:00:03",
        ["CmuClient:Resilience:AttemptTimeout"] = "00:00:20",
        ["CmuClient:Resilience:TotalTimeout"] = "00:01:30",
        ["CmuClient:DeviceInfo:PrimaryHardwareType"] = "Desktop",
        ["CmuClient:DeviceInfo:Model"] = "rack-7",
        ["CmuClient:DeviceInfo:Version"] = "3.2.1",
        ["CmuClient:DeviceInfo:Manufacturer"] = "Contoso",
        ["CmuClient:DeviceInfo:OsName"] = "Debian",
        ["CmuClient:DeviceInfo:OsVersion"] = "13",
        ["CmuClient:DeviceInfo:ConnectionType"] = "WAN",
        ["CmuClient:DeviceInfo:ApplicationId"] = "reporting",
    };

    [Fact]
    public async Task EveryOptionIsBoundFromTheSection()
    {
        using var host = await StartedHost.StartAsync(s => s.AddCmuClient(Section(Everything())));

        var o = host.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value;
        Assert.Equal(CmuEnvironment.PreQualificationStaging, o.Environment);
        Assert.Equal(new Uri("http://127.0.0.1:5080/o/"), o.RegistrationBaseAddress);
        Assert.Equal(new Uri("http://127.0.0.1:5081/cmu/v2/"), o.CmuBaseAddress);
        Assert.Equal(StartedHost.Statement, o.SoftwareStatement);
        Assert.Null(o.SoftwareStatementPath);
        Assert.Equal("https://watch.example.com/auth/complete", o.RedirectUri);
        Assert.Equal("state/credentials.json", o.CredentialStorePath);
        Assert.True(o.ReplaceCorruptCredentialStore);
        Assert.Equal(TimeSpan.FromSeconds(150), o.TokenRefreshBuffer);
        Assert.Equal("Reporting/2.1 (ops)", o.UserAgent);
        Assert.Equal(5, o.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.Resilience.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(12), o.Resilience.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), o.Resilience.ThrottleDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), o.Resilience.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), o.Resilience.TotalTimeout);
        Assert.Equal("Desktop", o.DeviceInfo.PrimaryHardwareType);
        Assert.Equal("rack-7", o.DeviceInfo.Model);
        Assert.Equal("3.2.1", o.DeviceInfo.Version);
        Assert.Equal("Contoso", o.DeviceInfo.Manufacturer);
        Assert.Equal("Debian", o.DeviceInfo.OsName);
        Assert.Equal("13", o.DeviceInfo.OsVersion);
        Assert.Equal("WAN", o.DeviceInfo.ConnectionType);
        Assert.Equal("reporting", o.DeviceInfo.ApplicationId);
    }

    [Fact]
    public async Task TheEnvironmentSetsTheRegistrationAddressAStagingCmuAddressIsExplicitAndThePathIsBound()
    {
        using var host = await StartedHost.StartAsync(s => s.AddCmuClient(Section(new()
        {
            ["CmuClient:Environment"] = "Staging",
            ["CmuClient:CmuBaseAddress"] = "https://cmu-staging.example.test/cmu/v2/",
            ["CmuClient:SoftwareStatementPath"] = "dashboard/statement.jwt",
        })));

        var o = host.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value;
        Assert.Equal("dashboard/statement.jwt", o.SoftwareStatementPath);
        Assert.Null(o.SoftwareStatement);
        Assert.Equal(new Uri("https://sp.auth-staging.adobe.com/o/"), o.EffectiveRegistrationBaseAddress);
        Assert.Equal(new Uri("https://cmu-staging.example.test/cmu/v2/"), o.EffectiveCmuBaseAddress);
        Assert.Equal(new CmuResilienceOptions().TotalTimeout, o.Resilience.TotalTimeout); // unset keys keep their defaults
    }

    [Fact]
    public async Task MemoryStorageIsBoundAndTheDefaultIsTheFile()
    {
        using var memory = await StartedHost.StartAsync(s => s.AddCmuClient(Section(new()
        {
            ["CmuClient:SoftwareStatement"] = StartedHost.Statement,
            ["CmuClient:CredentialStorage"] = "memory",
        })));
        using var file = await StartedHost.StartAsync(s => s.AddCmuClient(Section(new() { ["CmuClient:SoftwareStatement"] = StartedHost.Statement })));

        Assert.Equal(CmuContracts.Auth.CredentialStorage.Memory, memory.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value.CredentialStorage);
        Assert.Equal(CmuContracts.Auth.CredentialStorage.File, file.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value.CredentialStorage);
    }

    [Fact]
    public async Task MemoryStorageWithACredentialFileFailsTheStartNamingBoth()
    {
        var settings = Everything();
        settings["CmuClient:CredentialStorage"] = "Memory";

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(Section(settings))));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("CmuClientOptions.CredentialStorePath 'state/credentials.json' is set but CmuClientOptions.CredentialStorage is Memory", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CredentialStorage", "Disk")]
    [InlineData("Environment", "Mars")]
    [InlineData("Environment", "7")]
    [InlineData("RegistrationBaseAddress", "not a uri")]
    [InlineData("CmuBaseAddress", "cmu/v2")]
    [InlineData("ReplaceCorruptCredentialStore", "maybe")]
    [InlineData("TokenRefreshBuffer", "soon")]
    [InlineData("Resilience:MaxRetryAttempts", "three")]
    [InlineData("Resilience:BaseDelay", "1s")]
    [InlineData("Resilience:MaxDelay", "-")]
    [InlineData("Resilience:ThrottleDelay", "x")]
    [InlineData("Resilience:AttemptTimeout", "30 seconds")]
    [InlineData("Resilience:TotalTimeout", "2m")]
    public async Task AnUnreadableValueFailsTheStartNamingTheSetting(string key, string value)
    {
        var settings = Everything();
        settings["CmuClient:" + key] = value;

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(Section(settings))));

        Assert.Contains($"CmuClientOptions.{key.Replace(':', '.')} '{value}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableValueUnderAKeyOfAnotherCaseIsNamedAsThePropertyIsSpelled()
    {
        var settings = Everything();
        settings.Remove("CmuClient:Resilience:MaxRetryAttempts");
        settings["CMUCLIENT:RESILIENCE:MAXRETRYATTEMPTS"] = "three";

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(Section(settings))));

        Assert.StartsWith("CmuClientOptions.Resilience.MaxRetryAttempts 'three' cannot be read: ", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadableButInvalidValueIsTheValidatorSFailure()
    {
        var settings = Everything();
        settings["CmuClient:Resilience:ThrottleDelay"] = "00:00:00.100";

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(Section(settings))));

        Assert.Contains("CmuClientOptions.Resilience.ThrottleDelay", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(CmuClientOptions.SectionName);
}
