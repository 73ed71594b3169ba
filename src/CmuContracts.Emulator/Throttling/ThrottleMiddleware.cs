using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Throttling;

/// <summary>
/// Throttles <c>/o/client/*</c> per client IP: the connection's remote address, which the forwarded-headers middleware
/// has replaced with the <c>X-Forwarded-For</c> client only when the peer is a configured proxy.
/// </summary>
internal sealed class ThrottleMiddleware(RequestDelegate next, EmulatorOptions options, TokenBucketThrottle throttle, ILogger<ThrottleMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Throttle.Enabled && context.Request.Path.StartsWithSegments("/o/client", StringComparison.OrdinalIgnoreCase))
        {
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!throttle.TryAcquire(ip))
            {
                Log.Throttled(logger, context.Request.Method, context.Request.Path.Value ?? "", ip);
                await ThrottlePage.WriteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }
}
