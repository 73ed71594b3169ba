using System.Globalization;

namespace CmuContracts.Emulator.Data;

/// <summary>
/// The synthetic world: tenants, their applications (with ids), channels, MVPDs and platforms. A series is one
/// (application, channel, MVPD, platform) combination, with one value per entity dimension (its columns,
/// <see cref="Column"/>). An entity dimension the spec declares beyond the stored ones gets synthetic values [I]: each
/// series one of <c>{dimension}-1</c> … <c>{dimension}-3</c>, a pure function of the seed, the name and the series, so
/// grouping by it partitions the series like any other dimension.
/// </summary>
internal sealed class SeriesCatalog
{
    /// <summary>The entity dimensions the synthetic world stores, in the order of a series' first values.</summary>
    public static readonly IReadOnlyList<string> StoredColumns = ["tenant", "application-id", "application", "channel", "mvpd", "platform"];

    /// <summary>How many synthetic values a declared entity dimension without stored values has.</summary>
    public const int SyntheticValueCount = 3;

    private static readonly string[] Tenants = ["Acme", "Globex", "Initech"];
    private static readonly string[][] AppNames = [["AcmeTV", "AcmeSports"], ["GlobexNow", "GlobexKids"], ["InitechPlus", "InitechNews"]];
    private static readonly string[][] Channels = [["ACME1", "ACME2", "ACMESPORTS"], ["GLX", "GLXKIDS", "GLXMOVIES"], ["INI", "ININEWS", "INIPLUS"]];
    private static readonly string[] Mvpds = ["Cablevision", "Comcast_SSO", "DTV", "Dish", "Verizon"];
    private static readonly string[] Platforms = ["Android", "Roku", "Web", "iOS"];

    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    /// <param name="seed">Seed of the synthetic data.</param>
    /// <param name="entityDimensions">Every entity dimension served; those not in <see cref="StoredColumns"/> get synthetic values.</param>
    public SeriesCatalog(int seed, IEnumerable<string> entityDimensions)
    {
        ArgumentNullException.ThrowIfNull(entityDimensions);
        var extra = entityDimensions.Where(d => !StoredColumns.Contains(d, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        for (var c = 0; c < StoredColumns.Count + extra.Length; c++)
        {
            _columns[c < StoredColumns.Count ? StoredColumns[c] : extra[c - StoredColumns.Count]] = c;
        }

        var series = new List<string[]>();
        for (var t = 0; t < Tenants.Length; t++)
        {
            for (var a = 0; a < AppNames[t].Length; a++)
            {
                var appId = ApplicationId((ulong)seed, t, a);
                foreach (var channel in Channels[t].Append("Unknown"))
                {
                    foreach (var mvpd in Mvpds)
                    {
                        foreach (var platform in Platforms)
                        {
                            var values = new string[StoredColumns.Count + extra.Length];
                            (values[0], values[1], values[2], values[3], values[4], values[5]) = (Tenants[t], appId, AppNames[t][a], channel, mvpd, platform);
                            for (var e = 0; e < extra.Length; e++)
                            {
                                var n = 1 + (Hash.Of((ulong)seed, 0xD1E, Hash.OfName(extra[e]), (ulong)series.Count) % SyntheticValueCount);
                                values[StoredColumns.Count + e] = string.Create(CultureInfo.InvariantCulture, $"{extra[e]}-{n}");
                            }

                            series.Add(values);
                        }
                    }
                }
            }
        }

        Series = [.. series];
        Popularity = new int[Series.Count];
        for (var s = 0; s < Series.Count; s++)
        {
            Popularity[s] = 5 + (int)(Hash.Of((ulong)seed, 0xB0B, (ulong)s) % 120);
        }
    }

    /// <summary>Per series, its value for each entity dimension (indexed by <see cref="Column"/>).</summary>
    public IReadOnlyList<string[]> Series { get; }

    /// <summary>Per series, its typical started sessions per day.</summary>
    public int[] Popularity { get; }

    /// <summary>The index of an entity dimension in a series' values, or -1 when the catalog does not serve it.</summary>
    public int Column(string dimension) => _columns.GetValueOrDefault(dimension, -1);

    private static string ApplicationId(ulong seed, int tenant, int app)
    {
        var h1 = Hash.Of(seed, 0xA99, (ulong)tenant, (ulong)app);
        var h2 = Hash.Mix(h1);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, h1);
        BitConverter.TryWriteBytes(bytes[8..], h2);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }
}
