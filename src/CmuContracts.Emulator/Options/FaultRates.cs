namespace CmuContracts.Emulator.Options;

/// <summary>Probabilities (0..1) of injecting a fault into a non-emulator request, drawn from a seeded random.</summary>
public sealed class FaultRates
{
    /// <summary>Probability of answering 500.</summary>
    public double InternalServerError { get; set; }

    /// <summary>Probability of answering 503.</summary>
    public double ServiceUnavailable { get; set; }

    /// <summary>Probability of answering 429 (with the throttling page).</summary>
    public double TooManyRequests { get; set; }

    /// <summary>Probability of aborting the connection without a response.</summary>
    public double Drop { get; set; }

    /// <summary>Seed of the random that draws faults.</summary>
    public int Seed { get; set; } = 1;

    internal bool Any => InternalServerError > 0 || ServiceUnavailable > 0 || TooManyRequests > 0 || Drop > 0;
}
