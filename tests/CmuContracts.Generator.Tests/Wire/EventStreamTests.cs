using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Refit;
using Xunit;

namespace CmuContracts.Generator.Tests.Wire;

/// <summary>
/// A generated client reads a real event stream from a Kestrel server: each event's data as it arrives (the server
/// waits for the client to see one before sending the next), up to <c>[DONE]</c>; cancellable; with the bearer token
/// from Refit's getter and a non-success status thrown as Refit's <c>ApiException</c>; JSON Lines too.
/// </summary>
public sealed class EventStreamTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Streams, version: '1' }
        security: [{ bearer: [] }]
        paths:
          /chat:
            post:
              operationId: chat
              tags: [Chat]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, properties: { prompt: { type: string } } }
              responses:
                '200':
                  description: The answer, whole or streamed
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Chunk' }
                    text/event-stream:
                      schema: { $ref: '#/components/schemas/Chunk' }
          /lines:
            get:
              operationId: lines
              tags: [Chat]
              responses:
                '200':
                  description: One chunk a line
                  content:
                    application/x-ndjson:
                      schema: { $ref: '#/components/schemas/Chunk' }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          schemas:
            Chunk:
              type: object
              properties:
                index: { type: integer }
                text: { type: string }
        """;

    private static readonly Lazy<LoadedClient> Client = new(() => LoadedClient.Compile(new SpecFile("/specs/streams.openapi.yaml", Spec, "Wire.Streams")));

    [Fact]
    public async Task EventsAreYieldedAsTheyArriveUntilDone()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? authorization = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            authorization = context.Request.Headers.Authorization;
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("event: delta\ndata: {\"index\":0,\n");
            await context.Response.WriteAsync("data: \"text\":\"Hel\"}\n\n");
            await context.Response.Body.FlushAsync();

            // The second event is sent only once the client has yielded the first: a buffered read would hang here.
            await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await context.Response.WriteAsync(": keep-alive\n\ndata: {\"index\":1,\"text\":\"lo\"}\n\ndata: [DONE]\n\ndata: {\"index\":2}\n\n");
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var settings = new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => new ValueTask<string>("token-1") };
        var client = Client.Value.Create("IChatClient", http, settings);

        var texts = new List<string>();
        await foreach (var chunk in Enumerate(client, "ChatStreamAsync", Body(), CancellationToken.None))
        {
            texts.Add(LoadedClient.Property(chunk, "Index") + ":" + LoadedClient.Property(chunk, "Text"));
            firstSeen.TrySetResult();
        }

        Assert.Equal("0:Hel, 1:lo", string.Join(", ", texts));
        Assert.Equal("Bearer token-1", authorization);
    }

    [Fact]
    public async Task CancellingStopsTheStreamMidway()
    {
        var clientGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => clientGone.TrySetResult());
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"index\":0}\n\n");
            await context.Response.Body.FlushAsync();
            await clientGone.Task.WaitAsync(TimeSpan.FromSeconds(20));
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = Client.Value.Create("IChatClient", http, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => new ValueTask<string>("t") });
        using var cancellation = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Enumerate(client, "ChatStreamAsync", Body(), cancellation.Token))
            {
                seen++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
        await clientGone.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ANonSuccessStatusIsRefitsApiException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"error\":\"expired\"}");
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = Client.Value.Create("IChatClient", http, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => new ValueTask<string>("t") });

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var _ in Enumerate(client, "ChatStreamAsync", Body(), CancellationToken.None))
            {
            }
        });

        Assert.Equal(401, (int)error.StatusCode);
        Assert.Equal("{\"error\":\"expired\"}", error.Content);
    }

    [Fact]
    public async Task JsonLinesAreReadOneValueALine()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"index\":0,\"text\":\"a\"}\n\n{\"index\":1,\"text\":\"b\"}\n");
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = Client.Value.Create("IChatClient", http, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => new ValueTask<string>("t") });

        var texts = new List<string>();
        await foreach (var chunk in Enumerate(client, "LinesStreamAsync", CancellationToken.None))
        {
            texts.Add((string)LoadedClient.Property(chunk, "Text")!);
        }

        Assert.Equal("a, b", string.Join(", ", texts));
    }

    private static object Body()
    {
        var type = Client.Value.Assembly.GetType("Wire.Streams.ChatRequest")!;
        var body = Activator.CreateInstance(type)!;
        type.GetProperty("Prompt")!.SetValue(body, "Hi");
        return body;
    }

    /// <summary>The method's <c>IAsyncEnumerable&lt;T&gt;</c>, enumerated as objects (T lives in the loaded assembly).</summary>
    private static async IAsyncEnumerable<object> Enumerate(object client, string method, params object[] arguments)
    {
        var info = client.GetType().GetInterfaces().SelectMany(i => i.GetMethods()).Single(m => m.Name == method);
        var sequence = info.Invoke(client, arguments)!;
        var enumerator = sequence.GetType().GetMethod("GetAsyncEnumerator", new[] { typeof(CancellationToken) })
            ?? sequence.GetType().GetInterfaces().First(i => i.Name.StartsWith("IAsyncEnumerable", StringComparison.Ordinal)).GetMethod("GetAsyncEnumerator")!;
        var items = (IAsyncDisposable)enumerator.Invoke(sequence, new object[] { CancellationToken.None })!;
        var type = items.GetType().GetInterfaces().First(i => i.Name.StartsWith("IAsyncEnumerator", StringComparison.Ordinal));
        try
        {
            while (await (ValueTask<bool>)type.GetMethod("MoveNextAsync")!.Invoke(items, null)!)
            {
                yield return type.GetProperty("Current")!.GetValue(items)!;
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }
}
