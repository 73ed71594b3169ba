namespace CmuContracts.Cli.Output;

/// <summary>
/// A report that failed after part of it was written (CSV streams window by window): the cause
/// (<see cref="Exception.InnerException"/>) and, as the message, what became of the part written, so that the error
/// line says the output is not the report.
/// </summary>
public sealed class IncompleteOutputException : Exception
{
    public IncompleteOutputException()
    {
    }

    public IncompleteOutputException(string message)
        : base(message)
    {
    }

    public IncompleteOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
