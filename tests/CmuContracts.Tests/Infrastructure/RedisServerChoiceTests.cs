namespace CmuContracts.Tests.Infrastructure;

/// <summary>How CMU_TEST_REDIS and the installed redis-server pick the Redis tests' server.</summary>
public sealed class RedisServerChoiceTests
{
    private const string Installed = "/usr/bin/redis-server";

    [Fact]
    public void UnsetItIsRedisServerWhenInstalledAndGarnetOtherwise()
    {
        Assert.Equal(new RedisServerChoice(RedisServerKind.RedisServer, Installed, "CMU_TEST_REDIS unset, redis-server installed"), RedisServerChoice.Choose(null, Installed));
        Assert.Equal(RedisServerKind.RedisServer, RedisServerChoice.Choose(" ", Installed).Kind);
        Assert.Equal(new RedisServerChoice(RedisServerKind.Garnet, null, "CMU_TEST_REDIS unset, no redis-server installed"), RedisServerChoice.Choose(null, null));
    }

    [Fact]
    public void TheVariableForcesEitherServerWhateverIsInstalled()
    {
        Assert.Equal(RedisServerKind.Garnet, RedisServerChoice.Choose("garnet", Installed).Kind);
        Assert.Equal(RedisServerKind.Garnet, RedisServerChoice.Choose(" Garnet ", null).Kind);
        Assert.Equal(new RedisServerChoice(RedisServerKind.RedisServer, Installed, "CMU_TEST_REDIS=redis-server"), RedisServerChoice.Choose("redis-server", Installed));
    }

    [Fact]
    public void ForcingRedisServerWhereItIsNotInstalledFailsWithTheInstallCommand()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RedisServerChoice.Choose("redis-server", null));

        Assert.Contains("apt-get install -y redis-server", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownServerIsRefusedWithTheKnownOnesNamed()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RedisServerChoice.Choose("valkey", Installed));

        Assert.Contains("'valkey'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'garnet' or 'redis-server'", ex.Message, StringComparison.Ordinal);
    }
}
