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
    /// <see cref="UseRedis(string)"/>.
    /// </summary>
    public CmuClientBuilder UseDistributedCredentialStore()
    {
        Services.RemoveAll<ICredentialStore>();
        Services.AddSingleton<ICredentialStore>(sp => new DistributedCredentialStore(sp.GetRequiredService<IDistributedCache>(), StoreLogger(sp)));
        Services.RemoveAll<ISharedTokenCache>();
        Services.AddSingleton<ISharedTokenCache>(sp => new DistributedTokenCache(sp.GetRequiredService<IDistributedCache>()));
        return this;
    }

    /// <summary>
    /// A fleet on one registration: credentials and the current token live in Redis, and a Redis lock
    /// (StackExchange.Redis <c>LockTake</c>) guards registration and token refresh, so instances that
    /// start cold together make one registration and one token request in total. Instances that wait
    /// for the lock reuse what its holder obtained.
    /// </summary>
    /// <param name="configuration">The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <remarks>
    /// The client keeps its own Redis connection and cache; an <see cref="IDistributedCache"/> the
    /// application registered is left alone. Every instance must use the same Redis and the same
    /// registration endpoint. Lease and wait: <see cref="UseRedis(Action{CmuRedisOptions})"/>.
    /// <para>
    /// Redis must persist (AOF or RDB): credentials live there without expiry. Instances that knew them write them back
    /// to a Redis that restarted empty or was flushed (and keep in memory what they could not write), but an instance
    /// that never saw them registers again. Every Redis command, and the connection, is bounded by a third of
    /// <see cref="CmuRedisOptions.LockLease"/> or <see cref="CmuResilienceOptions.AttemptTimeout"/>, whichever is
    /// shorter (timeouts in the configuration string are replaced), and fails as a <see cref="CmuRedisException"/>;
    /// meanwhile a valid cached token keeps serving.
    /// </para>
    /// </remarks>
    public CmuClientBuilder UseRedis(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return UseRedis(options => options.Configuration = configuration);
    }

    /// <summary>As <see cref="UseRedis(string)"/>, with the lock's lease and wait configurable (<see cref="CmuRedisOptions"/>).</summary>
    public CmuClientBuilder UseRedis(Action<CmuRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddOptions<CmuRedisOptions>().Configure(configure).ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CmuRedisOptions>, CmuRedisOptionsValidator>());
        Services.TryAddSingleton(sp => new CmuRedisConnection(sp.GetRequiredService<IOptions<CmuRedisOptions>>(), sp.GetRequiredService<IOptions<CmuClientOptions>>()));
        Services.RemoveAll<ICredentialStore>();
        Services.AddSingleton<ICredentialStore>(sp =>
        {
            var redis = sp.GetRequiredService<CmuRedisConnection>();
            var store = new DistributedCredentialStore(redis.Cache, StoreLogger(sp));

            // A Redis back from an outage may have come back empty: give it the credentials this instance knows.
            redis.OnRestored(store.WriteBackMissingAsync);
            return store;
        });
        Services.RemoveAll<ISharedTokenCache>();
        Services.AddSingleton<ISharedTokenCache>(sp => new DistributedTokenCache(sp.GetRequiredService<CmuRedisConnection>().Cache));
        Services.RemoveAll<IAccessLock>();
        Services.AddSingleton<IAccessLock>(sp => new RedisAccessLock(
            sp.GetRequiredService<CmuRedisConnection>(),
            sp.GetRequiredService<IOptions<CmuRedisOptions>>(),
            sp.GetService<ILogger<RedisAccessLock>>() ?? NullLogger<RedisAccessLock>.Instance));
        return this;
    }

    private static ILogger StoreLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ICredentialStore).FullName!) ?? NullLogger.Instance;
}
