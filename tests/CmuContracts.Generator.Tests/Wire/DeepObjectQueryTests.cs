using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests.Wire;

/// <summary>A deepObject map query parameter reaches a real server as <c>name[key]=value</c> pairs, one per entry.</summary>
public sealed class DeepObjectQueryTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Jobs, version: '1' }
        paths:
          /jobs:
            get:
              operationId: listJobs
              tags: [Jobs]
              parameters:
                - name: metadata
                  in: query
                  style: deepObject
                  explode: true
                  schema: { type: object, additionalProperties: { type: string } }
                - { name: limit, in: query, schema: { type: integer } }
              responses:
                '204': { description: None }
        """;

    [Fact]
    public async Task EachEntryIsSentAsNameBracketKey()
    {
        var client = LoadedClient.Compile(new SpecFile("/specs/jobs.openapi.yaml", Spec, "Wire.Jobs"));
        var received = new List<string>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            received.AddRange(context.Request.Query.Select(q => q.Key + "=" + q.Value));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await LoadedClient.CallAsync(client.Create("IJobsClient", http), "ListJobsAsync",
            new Dictionary<string, string> { ["team"] = "a&b ü", ["stage"] = "prod" }, 10, CancellationToken.None);

        Assert.Equal("metadata[team]=a&b ü, metadata[stage]=prod, limit=10", string.Join(", ", received));
    }
}
