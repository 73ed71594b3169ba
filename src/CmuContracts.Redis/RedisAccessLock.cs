using System.Diagnostics;
using System.Globalization;
using CmuContracts.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CmuContracts.Redis;

/// <summary>
/// A lock across processes on Redis (StackExchange.Redis <c>LockTake</c>: SET NX with a lease), so that
/// a fleet makes one registration and one token request. The value is unique to each holder, so only
/// the holder releases or extends it; a holder that dies loses it when the lease runs out.
/// </summary>
/// <remarks>
/// Extending is one Lua script, not <c>LockExtend</c>: that is a WATCH/GET round trip then MULTI/EXEC,
/// and a lease that runs out between the two (a stalled client) aborts it, losing a lock still in use.
/// </remarks>
internal sealed partial class RedisAccessLock : IAccessLock
{
    private const string Prefix = "CmuContracts:lock:";
    private const string ExtendScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);
    private readonly CmuRedisConnection _redis;
    private readonly IOptions<CmuRedisOptions> _options;
    private readonly ILogger _logger;

    public RedisAccessLock(CmuRedisConnection redis, IOptions<CmuRedisOptions> options, ILogger<RedisAccessLock> logger)
    {
        _redis = redis;
        _options = options;
        _logger = logger;
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string resource, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var key = new RedisKey(Prefix + resource);
        var holder = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

        // Lease and wait are Redis's real time, so they run on the real clock, not an injected TimeProvider. Each
        // command is bounded by the connection's timeout; a Redis that fails ends the wait at once (CmuRedisException).
        var started = Stopwatch.GetTimestamp();
        var poll = FirstPoll;
        while (!await _redis.RunAsync("take the access lock " + resource, db => db.LockTakeAsync(key, holder, options.LockLease)).ConfigureAwait(false))
        {
            var waited = Stopwatch.GetElapsedTime(started);
            if (waited >= options.LockWait)
            {
                throw new AccessLockTimeoutException(
                    $"The fleet's access lock for {resource} was not acquired within {options.LockWait} (CmuRedisOptions.LockWait): another instance has held it all that time.")
                {
                    Resource = resource,
                    Waited = waited,
                };
            }

            var remaining = options.LockWait - waited;
            await Task.Delay(poll < remaining ? poll : remaining, cancellationToken).ConfigureAwait(false);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }

        var waitedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LockTaken(_logger, resource, waitedMs);
        return new Held(_redis, key, holder, options.LockLease, resource, _logger);
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Took the fleet's access lock for {Resource} after {WaitedMs:F0} ms.")]
    private static partial void LockTaken(ILogger logger, string resource, double waitedMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "The fleet's access lock for {Resource} was lost before its work ended (lease expired or Redis failed); another instance may repeat the work.")]
    private static partial void LockLost(ILogger logger, Exception? exception, string resource);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "The fleet's access lock for {Resource} could not be released; it lapses when its lease runs out.")]
    private static partial void ReleaseFailed(ILogger logger, Exception exception, string resource);

    /// <summary>A taken lock: extended every third of its lease until disposed, then released.</summary>
    private sealed class Held : IAsyncDisposable
    {
        private readonly CmuRedisConnection _redis;
        private readonly RedisKey _key;
        private readonly RedisValue _holder;
        private readonly TimeSpan _lease;
        private readonly string _resource;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _extending;

        public Held(CmuRedisConnection redis, RedisKey key, RedisValue holder, TimeSpan lease, string resource, ILogger logger)
        {
            _redis = redis;
            _key = key;
            _holder = holder;
            _lease = lease;
            _resource = resource;
            _logger = logger;
            _extending = ExtendAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _extending.ConfigureAwait(false);
            _stop.Dispose();
            try
            {
                await _redis.RunAsync("release the access lock " + _resource, db => db.LockReleaseAsync(_key, _holder)).ConfigureAwait(false);
            }
            catch (CmuRedisException ex)
            {
                ReleaseFailed(_logger, ex, _resource);
            }
        }

        // A registration with its retries can outlast one lease; extending keeps others waiting meanwhile.
        private async Task ExtendAsync()
        {
            using var timer = new PeriodicTimer(_lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    var extended = await _redis.RunAsync("extend the access lock " + _resource, db => db.ScriptEvaluateAsync(ExtendScript, [_key], [_holder, (long)_lease.TotalMilliseconds])).ConfigureAwait(false);
                    if ((long)extended != 1)
                    {
                        LockLost(_logger, null, _resource);
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed: the work is done.
            }
            catch (CmuRedisException ex)
            {
                LockLost(_logger, ex, _resource);
            }
        }
    }
}
