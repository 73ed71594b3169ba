namespace CmuContracts.ClientBenchmarks;

/// <summary>Checks each benchmark's setup makes: a figure from a client that did not do the work is worthless.</summary>
internal static class SetupCheck
{
    public static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark setup check failed: " + what + ".");
        }
    }
}
