using System.Reflection;
using CmuContracts.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Packaging;

/// <summary>
/// The core package does not depend on StackExchange.Redis: UseRedis and everything that talks to Redis live in
/// CmuContracts.Redis (the packed core's nuspec is checked by <see cref="RefitRangeTests"/>).
/// </summary>
public sealed class CoreRedisIndependenceTests
{
    [Fact]
    public void TheCoreAssemblyReferencesNoRedisAssemblyAndTheRedisPackageDoes()
    {
        var core = typeof(CmuClientOptions).Assembly;
        var redis = typeof(CmuRedisClientBuilderExtensions).Assembly;

        Assert.Equal("CmuContracts", core.GetName().Name);
        Assert.DoesNotContain(core.GetReferencedAssemblies(), IsRedis);
        Assert.Equal("CmuContracts.Redis", redis.GetName().Name);
        Assert.Contains(redis.GetReferencedAssemblies(), r => r.Name == "StackExchange.Redis");
    }

    [Fact]
    public void UseRedisAndItsOptionsCameFromTheRedisPackageWithTheirPublicNamesKept()
    {
        var redis = typeof(CmuRedisClientBuilderExtensions).Assembly;

        Assert.Same(redis, typeof(CmuRedisOptions).Assembly);
        Assert.Equal("CmuContracts.CmuRedisOptions", typeof(CmuRedisOptions).FullName);
        Assert.Null(typeof(CmuClientBuilder).GetMethod("UseRedis"));
        Assert.Equal(2, typeof(CmuRedisClientBuilderExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static).Count(m => m.Name == "UseRedis"));

        // Its failure stays in the core's exception family.
        Assert.True(typeof(CmuRedisException).IsSubclassOf(typeof(CmuException)));
    }

    private static bool IsRedis(AssemblyName reference) =>
        reference.Name is { } name && name.Contains("Redis", StringComparison.OrdinalIgnoreCase);
}
