using System.ComponentModel.DataAnnotations;

namespace CmuContracts;

/// <summary>Timeouts and retries for every Adobe Pass call.</summary>
public sealed class CmuResilienceOptions
{
    /// <summary>Retries after the first attempt (0 turns retries off). Default 3.</summary>
    // The generated validator's RangeAttribute writes its own message ("The field CmuClientOptions.Resilience.MaxRetryAttempts must be between 0 and 10.").
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single backoff delay, Retry-After included. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The wait after a 429 without <c>Retry-After</c> (Adobe's DCR throttle sends none and asks for
    /// at least 1 s). Default and minimum 1 s.
    /// </summary>
    public TimeSpan ThrottleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The timeout of one attempt (10 ms to 24 h, Polly's limits). Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of a call, retries included: at least <see cref="AttemptTimeout"/>, at most 24 h. Default 2 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
