using CmuContracts.Emulator.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.SoftwareStatements;

/// <summary><c>GET /emulator/software-statements/{app}</c> and <c>POST …/{app}/revoke</c>.</summary>
internal static class SoftwareStatementEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/emulator/software-statements/{app}", (string app, ApplicationRegistry registry, SoftwareStatementIssuer issuer, ILoggerFactory logs) =>
        {
            if (registry.Find(app) is not { } application)
            {
                return Results.Text($"Unknown application '{app}'.", "text/plain", statusCode: StatusCodes.Status404NotFound);
            }

            var statement = issuer.Issue(application);
            Log.StatementIssued(logs.CreateLogger(typeof(SoftwareStatementEndpoints)), application.Name, application.Id);
            return Results.Text(statement, "text/plain");
        });

        routes.MapPost("/emulator/software-statements/{app}/revoke", (string app, ApplicationRegistry registry, ILoggerFactory logs) =>
        {
            if (registry.Find(app) is not { } application)
            {
                return Results.Text($"Unknown application '{app}'.", "text/plain", statusCode: StatusCodes.Status404NotFound);
            }

            registry.Revoke(application.Id);
            Log.StatementsRevoked(logs.CreateLogger(typeof(SoftwareStatementEndpoints)), application.Name, application.Id);
            return Results.NoContent();
        });

        routes.MapGet("/emulator/public-key", (Security.SigningKey key) => Results.Text(key.PublicKeyPem, "application/x-pem-file"));
    }
}
