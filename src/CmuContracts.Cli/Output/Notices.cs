namespace CmuContracts.Cli.Output;

/// <summary>Lines for people on standard error: notices (not with --quiet) and details (only with --verbose).</summary>
internal sealed class Notices(TextWriter error, bool quiet, bool verbose)
{
    public bool Quiet { get; } = quiet;

    public bool Verbose { get; } = verbose && !quiet;

    public TextWriter Writer { get; } = error;

    public void Info(string line)
    {
        if (!Quiet)
        {
            Writer.WriteLine("cmu: " + line);
        }
    }

    public void Detail(string line)
    {
        if (Verbose)
        {
            Writer.WriteLine("cmu: " + line);
        }
    }
}
