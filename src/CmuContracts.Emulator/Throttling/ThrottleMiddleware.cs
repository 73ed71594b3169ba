using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Throttling;

/// <summary>Throttles <c>/o/client/*</c> per client IP (first <c>X-Forwarded-For</c> entry, else the peer address).</summary>
internal sealed class ThrottleMiddleware(RequestDelegate next, EmulatorOptions options, TimeProvider clock, ILogger<ThrottleMiddleware> logger)
{
    private readonly TokenBucketThrottle _throttle = new(options.Throttle, clock);

    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Throttle.Enabled && context.Request.Path.StartsWithSegments("/o/client", StringComparison.OrdinalIgnoreCase))
        {
            var ip = ClientIp(context);
            if (!_throttle.TryAcquire(ip))
            {
                Log.Throttled(logger, context.Request.Method, context.Request.Path.Value ?? "", ip);
                await ThrottlePage.WriteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private static string ClientIp(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            return forwarded.Split(',')[0].Trim();
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
