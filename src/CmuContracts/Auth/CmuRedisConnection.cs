using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CmuContracts.Auth;

/// <summary>
/// The one Redis connection of <c>UseRedis</c>, shared by the credential store, the token cache and the lock.
/// The cache is private to the client: an application's own <see cref="IDistributedCache"/> is left alone.
/// </summary>
internal sealed class CmuRedisConnection : IAsyncDisposable
{
    private readonly IOptions<CmuRedisOptions> _options;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly RedisCache _cache;
    private IConnectionMultiplexer? _connection;

    public CmuRedisConnection(IOptions<CmuRedisOptions> options)
    {
        _options = options;
        _cache = new RedisCache(Options.Create(new RedisCacheOptions
        {
            ConnectionMultiplexerFactory = async () => await GetAsync(CancellationToken.None).ConfigureAwait(false),
        }));
    }

    /// <summary>An <see cref="IDistributedCache"/> over this connection (it connects on first use).</summary>
    public IDistributedCache Cache => _cache;

    /// <summary>The connection, made on first use; a failed attempt is not kept, so the next call tries again.</summary>
    public async Task<IConnectionMultiplexer> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _connection) is { } connected)
        {
            return connected;
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var configuration = ConfigurationOptions.Parse(_options.Value.Configuration!);
                Volatile.Write(ref _connection, await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false));
            }

            return _connection!;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _cache.Dispose(); // Closes the connection it was given, if any; disposing it again below is harmless.
        if (_connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _connecting.Dispose();
    }
}
