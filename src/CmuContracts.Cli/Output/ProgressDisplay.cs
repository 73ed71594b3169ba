using System.Diagnostics;
using Spectre.Console;

namespace CmuContracts.Cli.Output;

/// <summary>
/// Progress of a long pull on standard error: a live spinner on a terminal; with <c>--progress always</c> and no
/// terminal, plain start and end lines. Never with --quiet, never on standard output.
/// </summary>
internal sealed class ProgressDisplay(Notices notices, bool interactive, string mode)
{
    public async Task<T> RunAsync<T>(string what, Func<Action<string>, Task<T>> work, Func<T, string> summary)
    {
        if (notices.Quiet || mode == "never" || (mode == "auto" && !interactive))
        {
            return await work(_ => { }).ConfigureAwait(false);
        }

        var watch = Stopwatch.StartNew();
        T result;
        if (interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(notices.Writer) });
            result = await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(what), context =>
                work(status => context.Status(Markup.Escape($"{what} {status}")))).ConfigureAwait(false);
        }
        else
        {
            notices.Writer.WriteLine($"cmu: {what}");
            result = await work(status => notices.Writer.WriteLine($"cmu: {what} {status}")).ConfigureAwait(false);
        }

        notices.Writer.WriteLine($"cmu: {summary(result)} in {watch.Elapsed.TotalSeconds:0.00} s");
        return result;
    }
}
