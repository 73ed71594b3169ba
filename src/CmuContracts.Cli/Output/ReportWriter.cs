using System.Text;
using Spectre.Console;

namespace CmuContracts.Cli.Output;

/// <summary>Where a report goes: standard output, or <c>--output FILE</c> (plain text, no colours).</summary>
internal sealed class ReportWriter(CliConsole console, FileInfo? file)
{
    // Redirected output and files get a wide table rather than one squeezed into 80 columns.
    private const int FileWidth = 200;

    public Stream OpenStream() => file is not null
        ? CreateFile(file)
        : new TextWriterStream(console.Output);

    /// <summary>
    /// Streams a report to its destination through <paramref name="copy"/>, reporting the bytes written to
    /// <paramref name="progress"/>. A failure deletes the file (nothing half-written is left behind) and, when part of
    /// the report had gone out already, says so (<see cref="IncompleteOutputException"/>), so no cut report passes
    /// for the whole one.
    /// </summary>
    public async Task<(T Result, long Bytes)> StreamAsync<T>(Func<Stream, Task<T>> copy, Action<long> progress)
    {
        var destination = OpenStream();
        var counting = new CountingStream(destination, progress);
        try
        {
            T result;
            await using (destination.ConfigureAwait(false))
            {
                result = await copy(counting).ConfigureAwait(false);
            }

            return (result, counting.Written);
        }
        catch (Exception ex)
        {
            file?.Delete();
            if (ex is OperationCanceledException || counting.Written == 0)
            {
                throw;
            }

            throw new IncompleteOutputException(
                file is null
                    ? "Standard output got only the first part of the report: discard it."
                    : $"The incomplete '{file.FullName}' was deleted.",
                ex);
        }
    }

    public void WriteTable(Action<IAnsiConsole> render)
    {
        if (file is not null)
        {
            using var stream = CreateFile(file);
            using var text = new StreamWriter(stream, new UTF8Encoding(false));
            render(Create(text, interactive: false));
            return;
        }

        render(Create(console.Output, console.OutputIsTerminal));
    }

    private static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            ansi.Profile.Width = FileWidth;
        }

        return ansi;
    }

    private static FileStream CreateFile(FileInfo file)
    {
        try
        {
            if (file.DirectoryName is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            return new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--output '{file.FullName}' cannot be written: {ex.Message}");
        }
    }
}
