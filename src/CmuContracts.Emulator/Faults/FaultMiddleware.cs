using System.Globalization;
using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Throttling;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Faults;

/// <summary>
/// Injects faults asked for by the <c>X-Emulator-Fault</c> header (comma-separated: <c>408</c>, <c>500</c>, <c>503</c>, <c>429</c>,
/// <c>delay=&lt;ms&gt;</c>, <c>drop</c>, <c>cut</c>, <c>garble</c>, <c>expire-token</c>, <c>revoke-client</c>, and <c>retry-after=&lt;s&gt;</c>, which adds
/// that <c>Retry-After</c> to a 408/500/503/429 fault of the same list) or drawn from the configured rates.
/// <c>/emulator/*</c> is never faulted.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorOptions options, ILogger<FaultMiddleware> logger)
{
    public const string HeaderName = "X-Emulator-Fault";

    private const string RetryAfterPrefix = "retry-after=";

    private readonly Random _random = new(options.Faults.Seed);
    private readonly Lock _gate = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/emulator", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var flags = new RequestFaults();
        var faults = context.Request.Headers[HeaderName].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (Draw() is { } drawn)
        {
            faults.Add(drawn);
        }

        // Adobe's throttle sends no Retry-After; a test that needs one asks for it explicitly.
        var retryAfter = faults.FirstOrDefault(f => f.StartsWith(RetryAfterPrefix, StringComparison.OrdinalIgnoreCase));
        if (retryAfter is not null)
        {
            faults.Remove(retryAfter);
            if (!int.TryParse(retryAfter.AsSpan(RetryAfterPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                await UnknownFaultAsync(context, retryAfter).ConfigureAwait(false);
                return;
            }
        }

        foreach (var fault in faults)
        {
            Log.FaultInjected(logger, fault, context.Request.Method, context.Request.Path.Value ?? "");
            switch (fault.ToLowerInvariant())
            {
                case "408":
                case "500":
                case "503":
                    SetRetryAfter(context, retryAfter);
                    context.Response.StatusCode = int.Parse(fault, CultureInfo.InvariantCulture);
                    context.Response.ContentType = "text/plain";
                    await context.Response.WriteAsync($"Emulated fault {fault}.", context.RequestAborted).ConfigureAwait(false);
                    return;
                case "429":
                    SetRetryAfter(context, retryAfter);
                    await ThrottlePage.WriteAsync(context).ConfigureAwait(false);
                    return;
                case "drop":
                    flags.Dropped = true;
                    RequestFaults.Set(context, flags);
                    context.Abort();
                    return;
                case "cut":
                case "garble":
                    // The answer starts well and then fails: a connection lost, or a body no longer JSON.
                    context.Response.Body = new FaultyBodyStream(context.Response.Body, context, cut: fault.Equals("cut", StringComparison.OrdinalIgnoreCase));
                    break;
                case "expire-token":
                    flags.ExpireToken = true;
                    break;
                case "revoke-client":
                    flags.RevokeClient = true;
                    break;
                default:
                    if (fault.StartsWith("delay=", StringComparison.OrdinalIgnoreCase)
                        && int.TryParse(fault.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                    {
                        await Task.Delay(ms, context.RequestAborted).ConfigureAwait(false);
                        break;
                    }

                    await UnknownFaultAsync(context, fault).ConfigureAwait(false);
                    return;
            }
        }

        RequestFaults.Set(context, flags);
        await next(context).ConfigureAwait(false);
    }

    private static void SetRetryAfter(HttpContext context, string? retryAfter)
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter[RetryAfterPrefix.Length..];
        }
    }

    private static async Task UnknownFaultAsync(HttpContext context, string fault)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync($"Unknown {HeaderName} value '{fault}'.", context.RequestAborted).ConfigureAwait(false);
    }

    private string? Draw()
    {
        var rates = options.Faults;
        if (!rates.Any)
        {
            return null;
        }

        double x;
        lock (_gate)
        {
            x = _random.NextDouble();
        }

        if ((x -= rates.InternalServerError) < 0)
        {
            return "500";
        }

        if ((x -= rates.ServiceUnavailable) < 0)
        {
            return "503";
        }

        if ((x -= rates.TooManyRequests) < 0)
        {
            return "429";
        }

        return x - rates.Drop < 0 ? "drop" : null;
    }
}
