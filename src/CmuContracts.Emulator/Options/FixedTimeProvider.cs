namespace CmuContracts.Emulator.Options;

/// <summary>A clock stopped at one instant, for deterministic reports.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
