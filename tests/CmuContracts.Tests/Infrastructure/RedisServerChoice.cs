namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// Which server the Redis tests use, and why. <c>CMU_TEST_REDIS</c> = <c>garnet</c> | <c>redis-server</c> forces one
/// (CI runs a leg on each); unset, it is redis-server when one is installed, else Garnet.
/// </summary>
internal sealed record RedisServerChoice(RedisServerKind Kind, string? Executable, string Reason)
{
    public const string Variable = "CMU_TEST_REDIS";

    public static RedisServerChoice FromEnvironment() =>
        Choose(Environment.GetEnvironmentVariable(Variable), FindOnPath("redis-server"));

    /// <summary>The choice for a value of <c>CMU_TEST_REDIS</c> and the redis-server found (null: none).</summary>
    public static RedisServerChoice Choose(string? requested, string? executable) => requested?.Trim().ToLowerInvariant() switch
    {
        null or "" when executable is null => new(RedisServerKind.Garnet, null, Variable + " unset, no redis-server installed"),
        null or "" => new(RedisServerKind.RedisServer, executable, Variable + " unset, redis-server installed"),
        "garnet" => new(RedisServerKind.Garnet, null, Variable + "=garnet"),
        "redis-server" when executable is null => throw new InvalidOperationException(
            Variable + "=redis-server, but redis-server is not installed: run 'apt-get install -y redis-server', or unset " + Variable + " to use Garnet."),
        "redis-server" => new(RedisServerKind.RedisServer, executable, Variable + "=redis-server"),
        _ => throw new InvalidOperationException($"{Variable}='{requested}' names no server the tests know: use 'garnet' or 'redis-server', or leave it unset."),
    };

    // The PATH alone decides, as for a newcomer's shell: CI hides redis-server from it to prove the Garnet path.
    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
