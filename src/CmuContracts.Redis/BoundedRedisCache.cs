using CmuContracts.Auth;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace CmuContracts.Redis;

/// <summary>The Redis cache of <c>UseRedis</c> with each call bounded by <see cref="CmuRedisConnection.Timeout"/> and its failures translated to <see cref="CmuRedisException"/>.</summary>
internal sealed class BoundedRedisCache(IDistributedCache inner, CmuRedisConnection redis) : IDistributedCache
{
    public byte[]? Get(string key) => Translate("read " + key, () => inner.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => BoundAsync("read " + key, () => inner.GetAsync(key, token));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Translate("write " + key, () =>
    {
        inner.Set(key, value, options);
        return true;
    });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        BoundAsync("write " + key, async () =>
        {
            await inner.SetAsync(key, value, options, token).ConfigureAwait(false);
            return true;
        });

    public void Refresh(string key) => Translate("refresh " + key, () =>
    {
        inner.Refresh(key);
        return true;
    });

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        BoundAsync("refresh " + key, async () =>
        {
            await inner.RefreshAsync(key, token).ConfigureAwait(false);
            return true;
        });

    public void Remove(string key) => Translate("remove " + key, () =>
    {
        inner.Remove(key);
        return true;
    });

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        BoundAsync("remove " + key, async () =>
        {
            await inner.RemoveAsync(key, token).ConfigureAwait(false);
            return true;
        });

    private T Translate<T>(string operation, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw redis.Failure(operation, ex);
        }
    }

    private async Task<T> BoundAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().WaitAsync(redis.Timeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw redis.Failure(operation, ex);
        }
    }
}
