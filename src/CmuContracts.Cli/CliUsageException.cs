namespace CmuContracts.Cli;

/// <summary>A bad flag, argument or setting, found before anything is sent (exit code 2).</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
