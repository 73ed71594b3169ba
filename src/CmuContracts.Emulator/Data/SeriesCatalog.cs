using System.Globalization;

namespace CmuContracts.Emulator.Data;

/// <summary>
/// The synthetic world: tenants, their applications (with ids), channels, MVPDs and platforms. A series is one
/// (application, channel, MVPD, platform) combination; its values are indexed like <see cref="Reports.Dimensions.Entity"/>.
/// </summary>
internal sealed class SeriesCatalog
{
    private static readonly string[] Tenants = ["Acme", "Globex", "Initech"];
    private static readonly string[][] AppNames = [["AcmeTV", "AcmeSports"], ["GlobexNow", "GlobexKids"], ["InitechPlus", "InitechNews"]];
    private static readonly string[][] Channels = [["ACME1", "ACME2", "ACMESPORTS"], ["GLX", "GLXKIDS", "GLXMOVIES"], ["INI", "ININEWS", "INIPLUS"]];
    private static readonly string[] Mvpds = ["Cablevision", "Comcast_SSO", "DTV", "Dish", "Verizon"];
    private static readonly string[] Platforms = ["Android", "Roku", "Web", "iOS"];

    public SeriesCatalog(int seed)
    {
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
                            series.Add([Tenants[t], appId, AppNames[t][a], channel, mvpd, platform]);
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

    /// <summary>Per series, its value for each entity dimension.</summary>
    public IReadOnlyList<string[]> Series { get; }

    /// <summary>Per series, its typical started sessions per day.</summary>
    public int[] Popularity { get; }

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
