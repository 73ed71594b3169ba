using System.Collections.Concurrent;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Emulator.Throttling;

/// <summary>
/// One token bucket per client key: <see cref="ThrottleOptions.Burst"/> capacity, refilled at
/// <see cref="ThrottleOptions.RequestsPerSecond"/>. A bucket left alone long enough to refill completely is the same as
/// a new one, so such buckets are evicted (swept at most once per refill period): memory follows active clients only.
/// </summary>
internal sealed class TokenBucketThrottle
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ThrottleOptions _options;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refill;
    private long _lastSweep;

    public TokenBucketThrottle(ThrottleOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _refill = TimeSpan.FromSeconds(options.Burst / options.RequestsPerSecond);
        _lastSweep = clock.GetTimestamp();
    }

    /// <summary>Buckets currently held.</summary>
    public int BucketCount => _buckets.Count;

    public bool TryAcquire(string key)
    {
        var now = _clock.GetTimestamp();
        SweepIfDue(now);
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(_options.Burst, now));
        lock (bucket)
        {
            var elapsed = _clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(_options.Burst, bucket.Tokens + (elapsed * _options.RequestsPerSecond));
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    private void SweepIfDue(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (_clock.GetElapsedTime(last, now) < _refill || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                if (_clock.GetElapsedTime(bucket.Stamp, now) >= _refill)
                {
                    _buckets.TryRemove(new KeyValuePair<string, Bucket>(key, bucket));
                }
            }
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
