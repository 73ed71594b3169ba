using CmuContracts;
using CmuContracts.Auth;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Further configuration of the client <c>AddCmuClient</c> registered.</summary>
/// <remarks>
/// Each client's primary handler is a <see cref="System.Net.Http.SocketsHttpHandler"/> that asks for gzip and deflate
/// (<c>Accept-Encoding: gzip, deflate</c>, as Adobe recommends) and decodes them. Tune it with
/// <c>UseSocketsHttpHandler((handler, _) =&gt; ...)</c>, which keeps that; <c>ConfigurePrimaryHttpMessageHandler</c>
/// replaces the handler, and with it the decompression.
/// </remarks>
public sealed class CmuClientBuilder
{
    internal CmuClientBuilder(IServiceCollection services, IHttpClientBuilder registration, IHttpClientBuilder token, IHttpClientBuilder usageReports)
    {
        Services = services;
        RegistrationHttpClient = registration;
        TokenHttpClient = token;
        UsageReportsHttpClient = usageReports;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The registration endpoint's HttpClient, to add handlers (they run on every attempt, inside the retries).</summary>
    public IHttpClientBuilder RegistrationHttpClient { get; }

    /// <summary>The token endpoint's HttpClient, to add handlers (they run on every attempt, inside the retries).</summary>
    public IHttpClientBuilder TokenHttpClient { get; }

    /// <summary>The CMU reports' HttpClient (bearer-authenticated), to add handlers (they run on every attempt, inside the retries and after the bearer is set).</summary>
    public IHttpClientBuilder UsageReportsHttpClient { get; }

    /// <summary>
    /// Keeps credentials and the token in memory, for this process only (every new process registers again):
    /// for tests and throwaway runs. Sets <see cref="CmuClientOptions.CredentialStorage"/> to <c>Memory</c>.
    /// </summary>
    public CmuClientBuilder UseInMemoryCredentialStore()
    {
        Services.Configure<CmuClientOptions>(options => options.CredentialStorage = CredentialStorage.Memory);
        Services.RemoveAll<ICredentialStore>();
        Services.AddSingleton<ICredentialStore, InMemoryCredentialStore>();
        Services.RemoveAll<ISharedTokenCache>();
        return this;
    }

    /// <summary>Uses a credential store of your own.</summary>
    public CmuClientBuilder UseCredentialStore<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, ICredentialStore
    {
        Services.RemoveAll<ICredentialStore>();
        Services.AddSingleton<ICredentialStore, TStore>();
        return this;
    }

    /// <summary>
    /// Keeps credentials and the current token in the registered <see cref="IDistributedCache"/>, so
    /// instances sharing it share one registration and one token once it exists. Without a
    /// cross-process lock, instances that start cold together may each register: for a fleet, use
    /// <c>UseRedis</c> (package <c>CmuContracts.Redis</c>).
    /// </summary>
    public CmuClientBuilder UseDistributedCredentialStore()
    {
        Services.RemoveAll<ICredentialStore>();
        Services.AddSingleton<ICredentialStore>(sp => new DistributedCredentialStore(sp.GetRequiredService<IDistributedCache>(), StoreLogger(sp)));
        Services.RemoveAll<ISharedTokenCache>();
        Services.AddSingleton<ISharedTokenCache>(sp => new DistributedTokenCache(sp.GetRequiredService<IDistributedCache>()));
        return this;
    }

    private static ILogger StoreLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ICredentialStore).FullName!) ?? NullLogger.Instance;
}
