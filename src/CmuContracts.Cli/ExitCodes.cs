namespace CmuContracts.Cli;

/// <summary>The tool's exit codes: scripts branch on these, so they never change meaning.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Internal failure that fits no class below (a bug: please report it).</summary>
    public const int Failure = 1;

    /// <summary>
    /// Bad flags, arguments or settings, found before anything is sent (no endpoint and no --emulator among them);
    /// or a --chart the report's rows cannot honestly fill (too many series), found before anything is written.
    /// </summary>
    public const int Usage = 2;

    /// <summary>Software statement, registration, token or CMU access refused.</summary>
    public const int Auth = 3;

    /// <summary>
    /// The server answered with an error, or a report reached the server's row limit and cannot be fetched whole in
    /// smaller time windows (CMU has no paging; the message says how to narrow it).
    /// </summary>
    public const int Server = 4;

    /// <summary>The server could not be reached, or did not answer in time.</summary>
    public const int Network = 5;
}
