namespace CmuContracts.Tests.Observability;

/// <summary>
/// Tests that listen to the process-wide <c>CmuContracts</c> Meter and ActivitySource: run alone (after the
/// parallel collections), so that what they hear comes from their own hosts only.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialGroup
{
    public const string Name = "Process-wide diagnostics";
}
