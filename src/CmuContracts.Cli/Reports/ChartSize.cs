using System.CommandLine;
using System.Globalization;

namespace CmuContracts.Cli.Reports;

/// <summary>The pixel size of a chart image (<c>--chart-size 1200x675</c>); an SVG gets it as its width and height.</summary>
internal readonly record struct ChartSize(int Width, int Height)
{
    public static ChartSize Default { get; } = new(1200, 675);

    /// <summary><c>--chart-size WIDTHxHEIGHT</c>, whose bad values are parse errors naming the option.</summary>
    public static Option<ChartSize> CreateOption()
    {
        var option = new Option<ChartSize>("--chart-size")
        {
            Description = $"Size of the --chart image in pixels, WIDTHxHEIGHT (from 320x240 to 8000x8000). Default: {Default.Width}x{Default.Height}.",
            DefaultValueFactory = _ => Default,
        };
        option.CustomParser = result =>
        {
            var token = string.Join(' ', result.Tokens.Select(t => t.Value));
            var parts = token.Split('x', 'X');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width is >= 320 and <= 8000
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height) && height is >= 240 and <= 8000)
            {
                return new ChartSize(width, height);
            }

            result.AddError($"Option '--chart-size' must be WIDTHxHEIGHT in pixels from 320x240 to 8000x8000, not '{token}'.");
            return Default;
        };
        return option;
    }
}
