using System.CommandLine;
using CmuContracts.Cli.Configuration;
using CmuContracts.Cli.Output;

namespace CmuContracts.Cli;

/// <summary>What every command does around its own work: settings, the session, and one-line errors with exit codes.</summary>
internal sealed class CommandRunner(GlobalOptions global, CliConsole console)
{
    public GlobalOptions Global { get; } = global;

    public CliConsole Console { get; } = console;

    /// <summary>Runs <paramref name="body"/> with a started session (emulator or configured endpoints).</summary>
    public Task<int> WithSessionAsync(ParseResult parse, Func<CmuSession, Notices, CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        WithSessionAsync(parse, static () => true, (session, notices, _, ct) => body(session, notices, ct), cancellationToken);

    /// <summary>
    /// Runs <paramref name="prepare"/> (checks of the command's own arguments, which fail as usage errors before any
    /// emulator starts or request is sent), then <paramref name="body"/> with a started session.
    /// </summary>
    public Task<int> WithSessionAsync<T>(ParseResult parse, Func<T> prepare, Func<CmuSession, Notices, T, CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        RunAsync(parse, async (settings, notices, ct) =>
        {
            var prepared = prepare();
            await using var session = await CmuSession.StartAsync(settings, notices, ct).ConfigureAwait(false);
            return await body(session, notices, prepared, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Runs <paramref name="body"/> with resolved settings only (no client, no emulator).</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<CliSettings, Notices, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var notices = new Notices(Console.Error, parse.GetValue(Global.Quiet), parse.GetValue(Global.Verbose));
        try
        {
            var settings = CliSettings.Resolve(parse, Global, Console);
            return await body(settings, notices, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cmu: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex)
        {
            var (code, message) = ErrorReporter.Classify(ex);
            await Console.Error.WriteLineAsync("cmu: error: " + message).ConfigureAwait(false);
            if (code == ExitCodes.Failure)
            {
                notices.Detail(ex.ToString().ReplaceLineEndings(" | "));
            }

            return code;
        }
    }
}
