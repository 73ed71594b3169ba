using CmuContracts;
using CmuContracts.Auth;
using CmuContracts.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>UseRedis</c> on the client <c>AddCmuClient</c> registered (package <c>CmuContracts.Redis</c>).</summary>
public static class CmuRedisClientBuilderExtensions
{
    /// <summary>
    /// A fleet on one registration: credentials and the current token live in Redis, and a Redis lock
    /// (StackExchange.Redis <c>LockTake</c>) guards registration and token refresh, so instances that
    /// start cold together make one registration and one token request in total. Instances that wait
    /// for the lock reuse what its holder obtained.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configuration">The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <remarks>
    /// The client keeps its own Redis connection and cache; an <see cref="Caching.Distributed.IDistributedCache"/> the
    /// application registered is left alone. Every instance must use the same Redis and the same
    /// registration endpoint. Lease and wait: <see cref="UseRedis(CmuClientBuilder, Action{CmuRedisOptions})"/>.
    /// <para>
    /// Redis must persist (AOF or RDB): credentials live there without expiry. Instances that knew them write them back
    /// to a Redis that restarted empty or was flushed (and keep in memory what they could not write), but an instance
    /// that never saw them registers again. Every Redis command, and the connection, is bounded by a third of
    /// <see cref="CmuRedisOptions.LockLease"/> or <see cref="CmuResilienceOptions.AttemptTimeout"/>, whichever is
    /// shorter (timeouts in the configuration string are replaced), and fails as a <see cref="CmuRedisException"/>;
    /// meanwhile a valid cached token keeps serving.
    /// </para>
    /// </remarks>
    public static CmuClientBuilder UseRedis(this CmuClientBuilder builder, string configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return builder.UseRedis(options => options.Configuration = configuration);
    }

    /// <summary>As <see cref="UseRedis(CmuClientBuilder, string)"/>, with the lock's lease and wait configurable (<see cref="CmuRedisOptions"/>).</summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Sets <see cref="CmuRedisOptions.Configuration"/> and, if need be, the lease and the wait.</param>
    public static CmuClientBuilder UseRedis(this CmuClientBuilder builder, Action<CmuRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<CmuRedisOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CmuRedisOptions>, CmuRedisOptionsValidator>());
        services.TryAddSingleton(sp => new CmuRedisConnection(sp.GetRequiredService<IOptions<CmuRedisOptions>>(), sp.GetRequiredService<IOptions<CmuClientOptions>>()));
        services.RemoveAll<ICredentialStore>();
        services.AddSingleton<ICredentialStore>(sp =>
        {
            var redis = sp.GetRequiredService<CmuRedisConnection>();
            var store = new DistributedCredentialStore(redis.Cache, StoreLogger(sp));

            // A Redis back from an outage may have come back empty: give it the credentials this instance knows.
            redis.OnRestored(() => store.WriteBackMissingAsync());
            return store;
        });
        services.RemoveAll<ISharedTokenCache>();
        services.AddSingleton<ISharedTokenCache>(sp => new DistributedTokenCache(sp.GetRequiredService<CmuRedisConnection>().Cache));
        services.RemoveAll<IAccessLock>();
        services.AddSingleton<IAccessLock>(sp => new RedisAccessLock(
            sp.GetRequiredService<CmuRedisConnection>(),
            sp.GetRequiredService<IOptions<CmuRedisOptions>>(),
            sp.GetService<ILogger<RedisAccessLock>>() ?? NullLogger<RedisAccessLock>.Instance));
        return builder;
    }

    // The core's credential stores log under the interface's name: so does this one.
    private static ILogger StoreLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ICredentialStore).FullName!) ?? NullLogger.Instance;
}
