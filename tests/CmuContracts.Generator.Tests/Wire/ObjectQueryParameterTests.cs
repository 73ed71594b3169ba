using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests.Wire;

/// <summary>
/// Object query parameters reach a real server as the spec's style says: a deepObject map or object as
/// <c>name[key]=value</c> pairs, an exploded form object as its properties' pairs; unset properties are left out.
/// </summary>
public sealed class ObjectQueryParameterTests
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
                - name: created
                  in: query
                  schema: { type: object, properties: { gt: { type: integer }, lt: { type: integer }, on: { type: string, format: date } } }
                - name: filter
                  in: query
                  style: deepObject
                  schema: { type: object, properties: { stage: { type: string, enum: [dev, prod] }, ids: { type: array, items: { type: integer } }, done: { type: boolean } } }
              responses:
                '204': { description: None }
        """;

    private static readonly Lazy<LoadedClient> Client = new(() => LoadedClient.Compile(new SpecFile("/specs/jobs.openapi.yaml", Spec, "Wire.Jobs")));

    [Fact]
    public async Task EachEntryIsSentAsNameBracketKey()
    {
        var client = Client.Value;
        var received = new List<string>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            received.AddRange(context.Request.Query.Select(q => q.Key + "=" + q.Value));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await LoadedClient.CallAsync(client.Create("IJobsClient", http), "ListJobsAsync",
            new Dictionary<string, string> { ["team"] = "a&b ü", ["stage"] = "prod" }, 10, null, null, CancellationToken.None);

        Assert.Equal("metadata[team]=a&b ü, metadata[stage]=prod, limit=10", string.Join(", ", received));
    }

    [Fact]
    public async Task ObjectsAreSentAsTheirPropertiesThatHaveValues()
    {
        var received = new List<string>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            received.AddRange(context.Request.Query.Select(q => q.Key + "=" + q.Value));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var assembly = Client.Value.Assembly;
        var created = Activator.CreateInstance(assembly.GetType("Wire.Jobs.ListJobsCreated")!)!;
        created.GetType().GetProperty("Gt")!.SetValue(created, 5);
        created.GetType().GetProperty("On")!.SetValue(created, new DateOnly(2024, 2, 29));
        var filter = Activator.CreateInstance(assembly.GetType("Wire.Jobs.ListJobsFilter")!)!;
        var stage = assembly.GetType("Wire.Jobs.ListJobsFilterStage")!;
        filter.GetType().GetProperty("Stage")!.SetValue(filter, stage.GetProperty("Prod")!.GetValue(null));
        filter.GetType().GetProperty("Ids")!.SetValue(filter, new List<int> { 1, 2 });
        filter.GetType().GetProperty("Done")!.SetValue(filter, false);

        await LoadedClient.CallAsync(Client.Value.Create("IJobsClient", http), "ListJobsAsync", null, null, created, filter, CancellationToken.None);

        Assert.Equal("gt=5, on=2024-02-29, filter[stage]=prod, filter[ids]=1,2, filter[done]=false", string.Join(", ", received));
    }
}
