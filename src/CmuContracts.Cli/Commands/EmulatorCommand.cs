using System.CommandLine;
using CmuContracts.Cli.Configuration;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Cli.Commands;

/// <summary><c>cmu emulator</c>: the Adobe Pass emulator in the foreground on 127.0.0.1 until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CommandRunner runner)
    {
        var port = IntegerOption.Create("--port", "Port on 127.0.0.1 (0 picks a free one).", 0, 65535, 5080);
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic usage data.", DefaultValueFactory = _ => 42 };
        var spec = new Option<FileInfo?>("--spec") { Description = "Serve the CMU paths, metrics and dimensions of this OpenAPI file instead of the built-in spec (to try a spec edit)." };
        var command = new Command("emulator", "Run the Adobe Pass emulator (DCR, token, CMU) in the foreground on 127.0.0.1.") { port, seed, spec };
        command.SetAction((parse, ct) => runner.RunAsync(parse, async (_, notices, token) =>
        {
            var app = EmulatorComposition.Build(new EmulatorOptions { Seed = parse.GetValue(seed), SpecPath = parse.GetValue(spec)?.FullName, ConfigureLogging = logging => logging.ClearProviders() }, [parse.GetValue(port) ?? 5080]);
            try
            {
                await app.StartAsync(token).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw new CliUsageException($"Cannot listen on 127.0.0.1:{parse.GetValue(port)}: {ex.Message}");
            }

            try
            {
                foreach (var address in app.Urls)
                {
                    await runner.Console.Output.WriteLineAsync($"Listening on {address}").ConfigureAwait(false);
                }

                await runner.Console.Output.FlushAsync(token).ConfigureAwait(false);
                notices.Info($"demo software statement: GET {app.Urls.First()}/emulator/software-statements/demo; point --registration-url at {app.Urls.First()}/o/ and --cmu-url at {app.Urls.First()}/cmu/v2/. Ctrl+C stops.");
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Ctrl+C: a normal stop.
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }

            notices.Info("emulator stopped");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
