using System.CommandLine;
using CmuContracts.Cli.Commands;
using CmuContracts.Cli.Configuration;
using CmuContracts.Cli.Output;

namespace CmuContracts.Cli;

/// <summary>The <c>cmu</c> command tree; parse errors become one line and exit code 2.</summary>
public static class CmuApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var global = new GlobalOptions();
        var root = new RootCommand("cmu: Adobe Pass Concurrency Monitoring Usage (CMU) reports from the command line.");
        foreach (var option in global.All)
        {
            root.Options.Add(option);
        }

        var runner = new CommandRunner(global, console);
        root.Subcommands.Add(ReportCommand.Create(runner));
        root.Subcommands.Add(RegisterCommand.Create(runner));
        root.Subcommands.Add(TokenCommand.Create(runner));
        root.Subcommands.Add(StatementCommand.Create(runner));
        root.Subcommands.Add(EmulatorCommand.Create(runner));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line naming the flag, then where to look: scripts get exit code 2, people get a hint.
            var help = string.Join(' ', ["cmu", .. CommandPath(parse), "--help"]);
            await console.Error.WriteLineAsync($"cmu: error: {Describe(parse)} (see '{help}')").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(ParseResult parse)
    {
        // An unknown token explains more than the "required command" error it causes.
        var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
        var message = string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return error.SymbolResult is System.CommandLine.Parsing.OptionResult option && !message.Contains(option.Option.Name, StringComparison.Ordinal)
            ? $"{option.Option.Name}: {message}"
            : message;
    }

    private static Stack<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
