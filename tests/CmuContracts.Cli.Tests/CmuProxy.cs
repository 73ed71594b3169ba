using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Cli.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 in front of an emulator's CMU endpoint, imitating another CMU server: one whose
/// default row limit is lower (added to each request that sends none, so the emulator applies it and its self link
/// reports it, as a server's own default would be), or one that refuses chosen requests with a 400. The emulator's
/// default limit (1000) cannot be reached by any report that cannot be cut into time windows, since its synthetic data
/// has at most 480 rows per time bucket.
/// </summary>
internal sealed class CmuProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private CmuProxy(WebApplication app, HttpClient client)
    {
        _app = app;
        _client = client;
    }

    /// <summary>The CMU base address to give the tool (<c>--cmu-url</c>): this proxy, with the emulator's base path.</summary>
    public Uri CmuBaseAddress { get; private set; } = null!;

    /// <param name="cmu">The emulator's CMU base address.</param>
    /// <param name="defaultLimit">The row limit applied to requests that send none; null passes requests unchanged.</param>
    /// <param name="refuse">Requests answered <c>400</c> instead of being passed on.</param>
    public static async Task<CmuProxy> StartAsync(Uri cmu, int? defaultLimit = null, Func<HttpRequest, bool>? refuse = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var client = new HttpClient { BaseAddress = new Uri(cmu.GetLeftPart(UriPartial.Authority)) };
        var proxy = new CmuProxy(app, client);
        app.Run(context => proxy.ForwardAsync(context, defaultLimit, refuse));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.CmuBaseAddress = new Uri(new Uri(address), cmu.AbsolutePath);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context, int? defaultLimit, Func<HttpRequest, bool>? refuse)
    {
        var request = context.Request;
        if (refuse?.Invoke(request) == true)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Refused by the test proxy.");
            return;
        }

        var query = request.QueryString.Value ?? string.Empty;
        if (defaultLimit is { } limit && !request.Query.ContainsKey("limit"))
        {
            query += (query.Length == 0 ? "?" : "&") + "limit=" + limit;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), request.Path.ToUriComponent() + query);
        foreach (var (name, values) in request.Headers)
        {
            if (!string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                forward.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _client.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
