using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Registration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Hosting;

/// <summary>
/// Last line of defence for requests Kestrel or a reader rejects mid-way (a body over the limit, broken chunking, a
/// form over the limits): answer <c>400</c> in the documented shape, an OAuth error on <c>/o/client/*</c> and a
/// plain-text reason elsewhere, instead of a 500 with an empty body.
/// </summary>
internal sealed class MalformedRequestMiddleware(RequestDelegate next, ILogger<MalformedRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException && !context.Response.HasStarted)
        {
            var path = context.Request.Path.Value ?? "";
            Log.MalformedRequest(logger, context.Request.Method, path, e.GetType().Name);
            context.Response.Clear();
            if (context.Request.Path.StartsWithSegments("/o/client", StringComparison.OrdinalIgnoreCase))
            {
                await OAuthError.Result("invalid_request").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain;charset=utf-8";
            await context.Response.WriteAsync("Bad request: the request is malformed or exceeds the emulator's request limits.", context.RequestAborted).ConfigureAwait(false);
        }
    }
}
