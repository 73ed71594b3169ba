namespace CmuContracts.Tests.Infrastructure;

/// <summary>The Redis-protocol servers the Redis tests run against (<see cref="RedisServerChoice"/> picks one).</summary>
public enum RedisServerKind
{
    /// <summary>Microsoft.Garnet, in the test process: needs nothing but the .NET SDK.</summary>
    Garnet,

    /// <summary>Debian's <c>redis-server</c>, as a child process.</summary>
    RedisServer,
}
