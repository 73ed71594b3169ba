using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmuContracts.Tests.Options;

/// <summary>Every bad setting stops the application at start with an OptionsValidationException that names it.</summary>
public sealed class CmuClientOptionsValidationTests
{
    private static readonly Dictionary<string, (string Setting, Action<CmuClientOptions> Break)> Cases = new()
    {
        ["undefined environment"] = ("Environment", o => o.Environment = (CmuEnvironment)42),
        ["ftp registration address"] = ("RegistrationBaseAddress", o => o.RegistrationBaseAddress = new Uri("ftp://127.0.0.1/o/")),
        ["registration address with a query"] = ("RegistrationBaseAddress", o => o.RegistrationBaseAddress = new Uri("http://127.0.0.1/o/?x=1")),
        ["relative CMU address"] = ("CmuBaseAddress", o => o.CmuBaseAddress = new Uri("cmu/v2/", UriKind.Relative)),
        ["CMU address with a fragment"] = ("CmuBaseAddress", o => o.CmuBaseAddress = new Uri("http://127.0.0.1/cmu/v2/#top")),
        ["staging without a CMU address"] = ("CmuBaseAddress", o => (o.Environment, o.CmuBaseAddress) = (CmuEnvironment.Staging, null)),
        ["no statement"] = ("SoftwareStatement", o => o.SoftwareStatement = null),
        ["both statement and path"] = ("SoftwareStatementPath", o => o.SoftwareStatementPath = "statement.jwt"),
        ["relative redirect URI"] = ("RedirectUri", o => o.RedirectUri = "/auth/complete"),
        ["redirect URI that is one word"] = ("RedirectUri", o => o.RedirectUri = "nowhere"),
        ["redirect URI with a space"] = ("RedirectUri", o => o.RedirectUri = "com.example app"),
        ["reversed domain with a trailing line break"] = ("RedirectUri", o => o.RedirectUri = "com.example\n"),
        ["blank credential store path"] = ("CredentialStorePath", o => o.CredentialStorePath = "  "),
        ["negative refresh buffer"] = ("TokenRefreshBuffer", o => o.TokenRefreshBuffer = TimeSpan.FromSeconds(-1)),
        ["no resilience"] = ("Resilience", o => o.Resilience = null!),
        ["negative retries"] = ("Resilience.MaxRetryAttempts", o => o.Resilience.MaxRetryAttempts = -1),
        ["too many retries"] = ("Resilience.MaxRetryAttempts", o => o.Resilience.MaxRetryAttempts = 11),
        ["zero base delay"] = ("Resilience.BaseDelay", o => o.Resilience.BaseDelay = TimeSpan.Zero),
        ["max delay under base delay"] = ("Resilience.MaxDelay", o => o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(500)),
        ["throttle delay under a second"] = ("Resilience.ThrottleDelay", o => o.Resilience.ThrottleDelay = TimeSpan.FromMilliseconds(999)),
        ["attempt timeout too short"] = ("Resilience.AttemptTimeout", o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(5)),
        ["total timeout under attempt timeout"] = ("Resilience.TotalTimeout", o => o.Resilience.TotalTimeout = TimeSpan.FromSeconds(10)),
        ["empty user agent"] = ("UserAgent", o => o.UserAgent = " "),
        ["user agent with a line break"] = ("UserAgent", o => o.UserAgent = "CmuContracts/1.0\r\nX-Injected: 1"),
        ["no device info"] = ("DeviceInfo", o => o.DeviceInfo = null!),
        ["device without model"] = ("DeviceInfo.Model", o => o.DeviceInfo.Model = ""),
        ["device without OS version"] = ("DeviceInfo.OsVersion", o => o.DeviceInfo.OsVersion = " "),
        ["device without connection type"] = ("DeviceInfo.ConnectionType", o => o.DeviceInfo.ConnectionType = ""),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public async Task ValidOptionsStart()
    {
        using var host = await StartedHost.StartAsync(s => s.AddCmuClient(Valid));

        Assert.Equal(StartedHost.Statement, host.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value.SoftwareStatement);
    }

    [Theory]
    [InlineData("https://watch.example.com/auth/complete")]
    [InlineData("com.example.app:/callback")] // a custom scheme, as in Adobe's examples
    [InlineData("myapp://auth/done")]
    [InlineData("com.example")] // a reversed dashboard domain, as Adobe's Android SDK sends
    public async Task AnyAbsoluteRedirectUriOrReversedDomainStarts(string redirectUri)
    {
        using var host = await StartedHost.StartAsync(s => s.AddCmuClient(o =>
        {
            Valid(o);
            o.RedirectUri = redirectUri;
        }));

        Assert.Equal(redirectUri, host.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value.RedirectUri);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ABadSettingFailsTheStartNamingIt(string name)
    {
        var (setting, breakIt) = Cases[name];

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(o =>
        {
            Valid(o);
            breakIt(o);
        })));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("CmuClientOptions." + setting + " ", failure + " ", StringComparison.Ordinal);
        Assert.Equal(typeof(CmuClientOptions), ex.OptionsType);
    }

    [Theory]
    [InlineData(CmuEnvironment.Staging)]
    [InlineData(CmuEnvironment.PreQualification)]
    [InlineData(CmuEnvironment.PreQualificationStaging)]
    public async Task AnEnvironmentWithoutADocumentedCmuHostNeedsAnExplicitCmuAddressAndSaysSo(CmuEnvironment environment)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(o =>
        {
            o.Environment = environment;
            o.SoftwareStatement = StartedHost.Statement;
        })));
        using var host = await StartedHost.StartAsync(s => s.AddCmuClient(o =>
        {
            Valid(o);
            o.Environment = environment;
        }));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("CmuClientOptions.CmuBaseAddress is required for Environment " + environment, failure, StringComparison.Ordinal);
        Assert.Contains("only for Production (https://mgmt.auth.adobe.com/cmu/v2/)", failure, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://127.0.0.1:1/cmu/v2/"), host.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value.EffectiveCmuBaseAddress);
    }

    [Fact]
    public async Task EveryBadSettingIsReportedAtOnce()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(o =>
        {
            Valid(o);
            o.RedirectUri = "nowhere";
            o.Resilience.MaxRetryAttempts = 99;
            o.UserAgent = "";
        })));

        Assert.Equal(3, ex.Failures.Count());
        Assert.Contains("RedirectUri", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetryAttempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UserAgent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedInlineStatementIsNeverQuoted()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartedHost.StartAsync(s => s.AddCmuClient(o =>
        {
            Valid(o);
            o.SoftwareStatementPath = "statement.jwt";
        })));

        Assert.DoesNotContain(StartedHost.Statement, ex.ToString(), StringComparison.Ordinal);
    }

    private static void Valid(CmuClientOptions o)
    {
        o.RegistrationBaseAddress = new Uri("http://127.0.0.1:1/o/");
        o.CmuBaseAddress = new Uri("http://127.0.0.1:1/cmu/v2/");
        o.SoftwareStatement = StartedHost.Statement;
    }
}
