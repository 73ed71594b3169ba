using CmuContracts.AdobePass;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Tests.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// A service provider built with AddCmuClient against an emulator, its credentials and token in a file of its own. Its
/// logs are captured, and its statement and the secrets its clients see on the wire are recorded; when it is disposed,
/// its <see cref="SecretScan"/> fails the test if any log line, exception, measurement or activity during its life
/// carried one of them.
/// </summary>
internal sealed class CmuTestHost : IAsyncDisposable
{
    private CmuTestHost(ServiceProvider services, CapturingLoggerProvider logs, string statement, SecretScan scan, string directory)
    {
        Services = services;
        Logs = logs;
        Statement = statement;
        Scan = scan;
        Directory = directory;
    }

    /// <summary>The host's own folder, where its credential file goes unless the test names another store.</summary>
    public string Directory { get; }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public string Statement { get; }

    public SecretScan Scan { get; }

    public IUsageReportsClient Reports => Services.GetRequiredService<IUsageReportsClient>();

    public ICmuAccessTokenManager Tokens => Services.GetRequiredService<ICmuAccessTokenManager>();

    public static CmuTestHost Create(AdobePassEmulator emulator, Action<CmuContracts.CmuClientOptions>? configure = null, Action<CmuClientBuilder>? build = null, string? statement = null, TimeProvider? timeProvider = null)
    {
        statement ??= emulator.IssueSoftwareStatement("demo");
        var scan = new SecretScan();
        scan.Secrets.Add(SecretKind.SoftwareStatement, statement);
        var logs = new CapturingLoggerProvider(scan);
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));

        // The default store is a file that outlives the process: each host gets a file of its own, never the user's.
        var directory = System.IO.Directory.CreateTempSubdirectory("cmu-host-").FullName;
        var ownFile = Path.Combine(directory, CmuUserFolder.CredentialsFileName);
        var builder = services.AddCmuClient(o =>
        {
            o.RegistrationBaseAddress = emulator.RegistrationBaseAddress;
            o.CmuBaseAddress = emulator.CmuBaseAddress;
            o.SoftwareStatement = statement;
            o.CredentialStorePath = ownFile;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
            o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(200);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });

        // A test that asks for memory (option or builder method) gets memory, not a conflict with the file above.
        services.PostConfigure<CmuContracts.CmuClientOptions>(o =>
        {
            if (o.CredentialStorage == CredentialStorage.Memory && o.CredentialStorePath == ownFile)
            {
                o.CredentialStorePath = null;
            }
        });
        build?.Invoke(builder);

        // Last, so innermost: it sees what reaches the wire, after every handler a test added.
        foreach (var client in new[] { builder.RegistrationHttpClient, builder.TokenHttpClient, builder.UsageReportsHttpClient })
        {
            client.AddHttpMessageHandler(() => new SecretRecordingHandler(scan.Secrets));
        }

        return new CmuTestHost(services.BuildServiceProvider(), logs, statement, scan, directory);
    }

    /// <summary>The credentials the host's store holds for its statement, if it registered.</summary>
    public async Task<ClientCredentials?> CurrentCredentialsAsync()
    {
        var statement = SoftwareStatement.Parse(Statement);
        var options = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CmuContracts.CmuClientOptions>>().Value;
        return await Services.GetRequiredService<ICredentialStore>().GetAsync(CredentialKey.For(statement.SoftwareId, options.EffectiveRegistrationBaseAddress));
    }

    /// <summary>Asserts that no secret, token or statement reached a log line or the given texts.</summary>
    public async Task AssertNoSecretsAsync(params string[] alsoScanned)
    {
        var secrets = new List<string> { Statement, Statement.Split('.')[1] };
        if (await CurrentCredentialsAsync() is { } credentials)
        {
            secrets.Add(credentials.ClientSecret);
        }

        try
        {
            var token = await Tokens.GetAccessTokenAsync();
            secrets.Add(token.Value);
            secrets.Add(token.Value.Split('.')[1]);
        }
        catch (CmuException)
        {
            // No token to scan for: the scan of what was logged still runs.
        }

        foreach (var text in Logs.Lines.Concat(alsoScanned))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
        var findings = Scan.Finish();
        Assert.True(findings.Count == 0, $"{findings.Count} texts carry a secret of this host:\n" + string.Join('\n', findings.Take(20)));
    }
}
