namespace CmuContracts.Emulator.Options;

/// <summary>Token-bucket throttling of <c>/o/client/*</c> per client IP (documented: 1 request/s, burst 10).</summary>
public sealed class ThrottleOptions
{
    /// <summary>Whether throttling is applied at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tokens added to a bucket per second.</summary>
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Bucket capacity, which is also the initial burst.</summary>
    public int Burst { get; set; } = 10;
}
