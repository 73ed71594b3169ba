using System.Collections.Concurrent;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Emulator.Throttling;

/// <summary>One token bucket per client key: <see cref="ThrottleOptions.Burst"/> capacity, refilled at
/// <see cref="ThrottleOptions.RequestsPerSecond"/>.</summary>
internal sealed class TokenBucketThrottle(ThrottleOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryAcquire(string key)
    {
        var now = clock.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(options.Burst, now));
        lock (bucket)
        {
            var elapsed = clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(options.Burst, bucket.Tokens + (elapsed * options.RequestsPerSecond));
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
