using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CmuContracts.Http;

/// <summary>
/// The retry and timeout pipeline of every Adobe Pass client: total timeout, then jittered exponential
/// retries of 5xx, 408, 429 (honouring <c>Retry-After</c>; at least the throttle delay without one),
/// connection failures and attempt timeouts. A POST (registration, token) is retried only when the
/// failure proves the server did not process it: a 429, or a connection that was never established.
/// </summary>
internal static class CmuResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, CmuResilienceOptions options, TimeProvider timeProvider)
    {
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "cmu-total-timeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "cmu-retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome, options, timeProvider)),
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "cmu-attempt-timeout", Timeout = options.AttemptTimeout });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = outcome.Result?.RequestMessage ?? context.GetRequestMessage();
        var safe = request is null || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status == 429)
            {
                return true; // The throttle answers before the endpoint runs.
            }

            return safe && (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
        }

        return outcome.Exception switch
        {
            HttpRequestException http => safe || NeverConnected(http),
            TimeoutRejectedException => safe,
            _ => false,
        };
    }

    private static bool NeverConnected(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    private static TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, CmuResilienceOptions options, TimeProvider timeProvider)
    {
        if (outcome.Result is not { } response)
        {
            return null; // The exponential backoff with jitter.
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - timeProvider.GetUtcNow() : TimeSpan.Zero);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxDelay ? options.MaxDelay : wait;
        }

        return (int)response.StatusCode == 429 ? options.ThrottleDelay : null;
    }
}
