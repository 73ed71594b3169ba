using CmuContracts.Emulator.Faults;
using CmuContracts.Emulator.Reports;
using Microsoft.AspNetCore.Http;

namespace CmuContracts.Emulator.Stats;

/// <summary>Counts every request outside <c>/emulator/*</c> by method, route template and final status (0 when dropped).</summary>
internal sealed class StatsMiddleware(RequestDelegate next, EmulatorStats stats, ReportTree tree)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/emulator", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var endpoint = RequestTemplate.Of(context, tree);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var dropped = context.RequestAborted.IsCancellationRequested || RequestFaults.Get(context).Dropped;
            stats.CountRequest(endpoint, dropped ? 0 : context.Response.StatusCode);
        }
    }
}
