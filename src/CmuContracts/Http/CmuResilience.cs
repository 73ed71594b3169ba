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
/// failure proves the server did not process it: a 408, 429 or 503 answer, or a connection that was
/// never established; never after a 500, a lost connection or a timeout, when it may have been.
/// A <c>Retry-After</c> longer than <see cref="CmuResilienceOptions.MaxDelay"/> is not cut short: the
/// answer goes back to the caller.
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome, options, timeProvider)),
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "cmu-attempt-timeout", Timeout = options.AttemptTimeout });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, CmuResilienceOptions options, TimeProvider timeProvider)
    {
        var request = outcome.Result?.RequestMessage ?? context.GetRequestMessage();
        var safe = request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
        if (outcome.Result is { } response)
        {
            if (RetryAfter(response, timeProvider) > options.MaxDelay)
            {
                return false;
            }

            return response.StatusCode switch
            {
                // Refused before the endpoint ran: the throttle, an overloaded front end, an unread request.
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout => true,
                _ => safe && (int)response.StatusCode >= 500,
            };
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

        if (RetryAfter(response, timeProvider) is { } wait)
        {
            return wait; // At most MaxDelay: ShouldRetry gives a longer one back to the caller.
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests ? options.ThrottleDelay : null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - timeProvider.GetUtcNow() : TimeSpan.Zero);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
