using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CmuContracts.Emulator.Stats;

/// <summary><c>GET /emulator/stats</c> and <c>POST /emulator/stats/reset</c>.</summary>
internal static class StatsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/emulator/stats", (EmulatorStats stats) =>
        {
            var s = stats.Snapshot();
            return Results.Json(new Dictionary<string, object>
            {
                ["registrations"] = s.Registrations,
                ["tokensIssued"] = s.TokensIssued,
                ["requests"] = s.Requests.Select(r => new Dictionary<string, object>
                {
                    ["endpoint"] = r.Endpoint,
                    ["status"] = r.Status,
                    ["count"] = r.Count,
                }).ToArray(),
            });
        });

        routes.MapPost("/emulator/stats/reset", (EmulatorStats stats) =>
        {
            stats.Reset();
            return Results.NoContent();
        });
    }
}
