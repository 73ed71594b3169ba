namespace CmuContracts.Auth;

/// <summary>
/// A software statement cannot be used. The message names the statement's source and the problem;
/// it never contains the statement itself.
/// </summary>
public sealed class SoftwareStatementException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SoftwareStatementException()
        : this(SoftwareStatementProblem.Missing, "The software statement is missing.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SoftwareStatementException(string message)
        : this(SoftwareStatementProblem.Missing, message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public SoftwareStatementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one <paramref name="problem"/> of the statement.</summary>
    public SoftwareStatementException(SoftwareStatementProblem problem, string message)
        : base(message)
    {
        Problem = problem;
    }

    /// <summary>What is wrong.</summary>
    public SoftwareStatementProblem Problem { get; }
}
