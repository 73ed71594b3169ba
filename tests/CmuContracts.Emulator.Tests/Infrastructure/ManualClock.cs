namespace CmuContracts.Emulator.Tests.Infrastructure;

/// <summary>A clock that moves only when told to (wall time and timestamps alike).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = SharedEmulatorFixture.Now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
