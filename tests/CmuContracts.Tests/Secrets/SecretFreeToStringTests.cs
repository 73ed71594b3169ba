using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmuContracts.Tests.Secrets;

/// <summary>ToString() of everything that holds a secret shows what identifies it, never the secret.</summary>
public sealed class SecretFreeToStringTests
{
    [Fact]
    public async Task OptionsCredentialsTokensAndStatementsPrintWithoutTheirSecrets()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        await using var host = CmuTestHost.Create(emulator);
        await DayReport.GetAsync(host.Reports);

        var options = host.Services.GetRequiredService<IOptions<CmuClientOptions>>().Value;
        var statement = SoftwareStatement.Parse(host.Statement);
        var token = await host.Tokens.GetAccessTokenAsync();
        var key = CredentialKey.For(statement.SoftwareId, options.EffectiveRegistrationBaseAddress);
        var credentials = await host.Services.GetRequiredService<ICredentialStore>().GetAsync(key);
        Assert.NotNull(credentials);

        string[] secrets = [host.Statement, host.Statement.Split('.')[1], token.Value, token.Value.Split('.')[1], credentials.ClientSecret];
        var printed = new Dictionary<string, string>
        {
            ["options"] = options.ToString(),
            ["resilience"] = options.Resilience.ToString()!,
            ["device info"] = options.DeviceInfo.ToString(),
            ["statement"] = statement.ToString(),
            ["token"] = token.ToString(),
            ["credentials"] = credentials.ToString(),
            ["key"] = key.ToString(),
        };

        foreach (var (what, text) in printed)
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what}.ToString() shows a secret");
            }
        }

        // They still say what they are.
        Assert.Contains(statement.SoftwareId, printed["statement"], StringComparison.Ordinal);
        Assert.Contains(credentials.ClientId, printed["credentials"], StringComparison.Ordinal);
        Assert.Contains("inline", printed["options"], StringComparison.Ordinal);
        Assert.Contains("expires", printed["token"], StringComparison.Ordinal);
    }
}
