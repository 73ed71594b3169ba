using System.Globalization;
using System.Net;
using CmuContracts.Auth;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CmuContracts.Redis;

/// <summary>
/// The one Redis connection of <c>UseRedis</c>, shared by the credential store, the token cache and the lock.
/// The cache is private to the client: an application's own <see cref="IDistributedCache"/> is left alone.
/// </summary>
/// <remarks>
/// Every Redis command is bounded by <see cref="Timeout"/>, derived from the library's options, and every failure
/// becomes a <see cref="CmuRedisException"/>: StackExchange.Redis's own connect and command timeouts are set to that
/// bound (whatever the configuration string says), and it connects in the background (<c>abortConnect=false</c>),
/// so an unreachable Redis costs a call one bounded wait, never a connect storm.
/// </remarks>
internal sealed class CmuRedisConnection : IAsyncDisposable
{
    private readonly IOptions<CmuRedisOptions> _options;
    private readonly IOptions<CmuClientOptions> _client;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly RedisCache _cache;
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _onRestored = [];
    private IConnectionMultiplexer? _connection;

    public CmuRedisConnection(IOptions<CmuRedisOptions> options, IOptions<CmuClientOptions> client)
    {
        _options = options;
        _client = client;
        _cache = new RedisCache(Options.Create(new RedisCacheOptions
        {
            ConnectionMultiplexerFactory = async () => await GetAsync().ConfigureAwait(false),
        }));
        Cache = new BoundedRedisCache(_cache, this);
    }

    /// <summary>
    /// How long one Redis command may take: a third of the lock's lease (a holder whose extension takes longer could
    /// lose the lock anyway) or the attempt timeout of an HTTP call, whichever is shorter.
    /// </summary>
    public TimeSpan Timeout
    {
        get
        {
            var third = _options.Value.LockLease / 3;
            var attempt = _client.Value.Resilience.AttemptTimeout;
            return third < attempt ? third : attempt;
        }
    }

    /// <summary>An <see cref="IDistributedCache"/> over this connection (it connects on first use), bounded and translated as every command is.</summary>
    public IDistributedCache Cache { get; }

    /// <summary>Runs <paramref name="callback"/> each time the connection comes back after Redis was lost (a restart, say).</summary>
    public void OnRestored(Func<Task> callback)
    {
        lock (_gate)
        {
            _onRestored.Add(callback);
        }
    }

    /// <summary>Runs one command on the database, within <see cref="Timeout"/>; a failure is a <see cref="CmuRedisException"/>.</summary>
    public async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> command)
    {
        var timeout = Timeout;
        try
        {
            var connection = await GetAsync().WaitAsync(timeout).ConfigureAwait(false);
            return await command(connection.GetDatabase()).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw Failure(operation, ex);
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/> for a command without a result.</summary>
    public Task RunAsync(string operation, Func<IDatabase, Task> command) =>
        RunAsync<bool>(operation, async database =>
        {
            await command(database).ConfigureAwait(false);
            return true;
        });

    /// <summary>The library's exception for a failed or unanswered command: the endpoint and the command, never the configuration string.</summary>
    public CmuRedisException Failure(string operation, Exception cause)
    {
        var timeout = Timeout;
        var what = cause switch
        {
            RedisConnectionException connection => $"failed to {operation}: no connection ({connection.FailureType})",
            TimeoutException => $"did not answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s to {operation}",
            _ => $"failed to {operation} ({cause.GetType().Name})",
        };
        return new CmuRedisException(
            $"The Redis of UseRedis ({Endpoints()}) {what}. Each Redis command may take a third of CmuRedisOptions.LockLease or CmuClientOptions.Resilience.AttemptTimeout, whichever is shorter.",
            cause)
        {
            Operation = operation,
            Timeout = timeout,
            Remedy = "Check that this Redis is running and reachable. Meanwhile a valid cached token keeps serving, and credentials registered meanwhile are kept in memory and written back.",
        };
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

    /// <summary>The connection, made on first use; a failed attempt is not kept, so the next call tries again.</summary>
    private async Task<IConnectionMultiplexer> GetAsync()
    {
        if (Volatile.Read(ref _connection) is { } connected)
        {
            return connected;
        }

        await _connecting.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var configuration = Configuration();
                var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
                connection.ConnectionRestored += Restored;
                Volatile.Write(ref _connection, connection);
            }

            return _connection!;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private ConfigurationOptions Configuration()
    {
        var configuration = ConfigurationOptions.Parse(_options.Value.Configuration!);
        var milliseconds = (int)Math.Ceiling(Timeout.TotalMilliseconds);

        // The library's bound, not StackExchange.Redis's defaults (5 s per command, and a first connect that throws).
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = milliseconds;
        configuration.AsyncTimeout = milliseconds;
        configuration.SyncTimeout = milliseconds;
        return configuration;
    }

    private void Restored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Interactive)
        {
            return;
        }

        Func<Task>[] callbacks;
        lock (_gate)
        {
            callbacks = [.. _onRestored];
        }

        foreach (var callback in callbacks)
        {
            // Off StackExchange.Redis's thread; a failure is the callback's to log.
            _ = Task.Run(callback);
        }
    }

    // Host and port only: the configuration string may carry a password.
    private string Endpoints()
    {
        try
        {
            var endpoints = ConfigurationOptions.Parse(_options.Value.Configuration!).EndPoints.Select(e => e switch
            {
                DnsEndPoint dns => dns.Host + ":" + dns.Port.ToString(CultureInfo.InvariantCulture),
                IPEndPoint ip => ip.ToString(),
                _ => e.GetType().Name,
            });
            return string.Join(", ", endpoints);
        }
        catch (ArgumentException)
        {
            return "endpoint unknown";
        }
    }
}
