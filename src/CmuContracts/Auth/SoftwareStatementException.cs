namespace CmuContracts.Auth;

/// <summary>
/// A software statement cannot be used. The message names the statement's source and the problem;
/// it never contains the statement itself.
/// </summary>
public sealed class SoftwareStatementException : Exception
{
    public SoftwareStatementException()
        : this(SoftwareStatementProblem.Missing, "The software statement is missing.")
    {
    }

    public SoftwareStatementException(string message)
        : this(SoftwareStatementProblem.Missing, message)
    {
    }

    public SoftwareStatementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SoftwareStatementException(SoftwareStatementProblem problem, string message)
        : base(message)
    {
        Problem = problem;
    }

    /// <summary>What is wrong.</summary>
    public SoftwareStatementProblem Problem { get; }
}
