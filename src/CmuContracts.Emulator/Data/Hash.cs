namespace CmuContracts.Emulator.Data;

/// <summary>SplitMix64-based hashing: every synthetic number is a pure function of the seed and its coordinates.</summary>
internal static class Hash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Of(ulong a, ulong b) => Mix(Mix(a) ^ b);

    public static ulong Of(ulong a, ulong b, ulong c) => Mix(Of(a, b) ^ c);

    public static ulong Of(ulong a, ulong b, ulong c, ulong d) => Mix(Of(a, b, c) ^ d);

    /// <summary>A stable hash of a name (FNV-1a over its UTF-16 code units): string.GetHashCode differs per process.</summary>
    public static ulong OfName(string name)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in name)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));
}
