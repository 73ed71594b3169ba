using System.Globalization;

namespace CmuContracts.Emulator.Hosting;

/// <summary>Reads <c>--urls</c> and refuses anything but plain HTTP on 127.0.0.1 (or <c>localhost</c>, bound as 127.0.0.1).</summary>
public static class LoopbackUrls
{
    /// <summary>Parses a <c>;</c>-separated URL list into ports on 127.0.0.1.</summary>
    public static bool TryParsePorts(string urls, out IReadOnlyList<int> ports, out string? error)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var result = new List<int>();
        ports = result;
        error = null;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
                || (uri.Host != "127.0.0.1" && !string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"The emulator listens on http://127.0.0.1:<port> only, not '{url}'.");
                return false;
            }

            result.Add(uri.Port);
        }

        if (result.Count == 0)
        {
            error = "No URL to listen on.";
            return false;
        }

        return true;
    }
}
