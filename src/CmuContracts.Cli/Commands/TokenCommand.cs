using System.CommandLine;
using CmuContracts.Auth;
using CmuContracts.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Cli.Commands;

/// <summary><c>cmu token</c>: gets an access token (registering first when needed) and shows when it expires.</summary>
internal static class TokenCommand
{
    public static Command Create(CommandRunner runner)
    {
        var showSecret = new Option<bool>("--show-secret") { Description = "Print the access token itself (alone on standard output; the expiry goes to standard error)." };
        var command = new Command("token", "Get an access token and show its expiry; the token itself only with --show-secret.") { showSecret };
        command.SetAction((parse, ct) => runner.WithSessionAsync(parse, async (session, notices, token) =>
        {
            var tokens = session.Services.GetRequiredService<CmuAccessTokenProvider>();
            var access = await tokens.GetAccessTokenAsync(token).ConfigureAwait(false);
            var expiry = $"expires {access.ExpiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} (in {Durations.Format(access.ExpiresAt - DateTimeOffset.UtcNow)}, lifetime {Durations.Format(access.Lifetime)})";
            if (parse.GetValue(showSecret))
            {
                await runner.Console.Output.WriteLineAsync(access.Value).ConfigureAwait(false);
                notices.Info("access token " + expiry);
            }
            else
            {
                await runner.Console.Output.WriteLineAsync("Access token " + expiry + ". Use --show-secret to print it.").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
