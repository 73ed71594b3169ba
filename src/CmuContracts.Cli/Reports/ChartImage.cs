using System.Globalization;
using System.Runtime.InteropServices;
using ScottPlot;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// <c>--chart FILE.svg|FILE.png</c>: the chart as an image to share, drawn with ScottPlot. A title (metric, path,
/// filters, window), axis labels with units, one series per dimension value: grouped bars for a few time buckets, lines
/// otherwise. Values are CMU's own, never added across series.
/// </summary>
internal static class ChartImage
{
    // Up to this many buckets, grouped bars compare series bucket by bucket; more, and lines read better.
    private const int MaxBarBuckets = 6;

    private const float SeriesLineWidth = 2;

    // A sans-serif face the machine has (Skia's own "sans" guess can land on a serif face where fontconfig is absent).
    private static readonly Lazy<string> SansFont = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "Segoe UI", "Helvetica Neue", "Helvetica", "Arial", "DejaVu Sans", "Liberation Sans", "Noto Sans" }.FirstOrDefault(installed.Contains) ?? Fonts.Sans;
    });

    /// <summary>Whether <paramref name="file"/> names an image the chart can be written as.</summary>
    public static bool IsSupported(FileInfo file) => Format(file) is not null;

    /// <summary>The image's bytes (SVG text or PNG), drawn before any output is written so a failure leaves none.</summary>
    /// <param name="scope">The query in words (<see cref="ChartScope"/>): path, filters, window.</param>
    /// <exception cref="PlatformNotSupportedException">The drawing library's native part does not load here.</exception>
    public static byte[] Render(ChartData chart, FileInfo file, ChartSize size, string scope)
    {
        try
        {
            var plot = Draw(chart, size, scope);
            return Format(file) == "svg"
                ? System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(size.Width, size.Height))
                : plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
        }
        catch (TypeInitializationException ex) when (NativeMissing(ex))
        {
            throw new PlatformNotSupportedException(
                $"--chart: the drawing library's native part (SkiaSharp) does not load on {RuntimeInformation.RuntimeIdentifier}; "
                + "the tool ships it for 64-bit Windows, macOS and Linux (x64, Arm64). The report itself needs no chart: leave out --chart.");
        }
    }

    // SkiaSharp's types fail to initialise, inside ScottPlot's, when its native library is not there for this platform.
    private static bool NativeMissing(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DllNotFoundException)
            {
                return true;
            }
        }

        return false;
    }

    /// <exception cref="CliUsageException">The file cannot be written.</exception>
    public static void Write(FileInfo file, byte[] image)
    {
        try
        {
            if (file.DirectoryName is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllBytes(file.FullName, image);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--chart '{file.FullName}' cannot be written: {ex.Message}");
        }
    }

    private static int[] RoundSteps(string grouping) => grouping switch
    {
        "minute" => [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440],
        "hour" => [1, 2, 3, 4, 6, 12, 24, 48, 168],
        "day" => [1, 2, 7, 14, 28],
        "month" => [1, 2, 3, 6, 12],
        _ => [1, 2, 5, 10],
    };

    // The bucket's number in its own unit since 0001-01-01 (a Monday, so weekly steps land on Mondays).
    private static long Ordinal(DateTime start, string grouping) => grouping switch
    {
        "minute" => start.Ticks / TimeSpan.TicksPerMinute,
        "hour" => start.Ticks / TimeSpan.TicksPerHour,
        "day" => start.Ticks / TimeSpan.TicksPerDay,
        "month" => (start.Year * 12L) + start.Month - 1,
        _ => start.Year,
    };

    private static string? Format(FileInfo file) => file.Extension.ToLowerInvariant() switch
    {
        ".svg" => "svg",
        ".png" => "png",
        _ => null,
    };

    private static Plot Draw(ChartData chart, ChartSize size, string scope)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont.Value);
        var note = chart.DistinctCountNote is { } distinct ? "\n" + distinct : string.Empty;
        plot.Title($"{chart.Subject}\n{scope}{note}", size: 15);
        plot.XLabel($"{chart.Grouping} (UTC)", size: 14);
        plot.YLabel($"{chart.Metric} ({MetricUnits.Of(chart.Metric)} per {chart.Grouping})", size: 14);
        if (chart.Series.Count == 0)
        {
            // No rows: say so, with no made-up scale around it.
            plot.Add.Annotation("CMU sent no rows for this report and window", Alignment.MiddleCenter);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.HideGrid();
            return plot;
        }

        var palette = new ScottPlot.Palettes.Category10();
        if (chart.Buckets.Count <= MaxBarBuckets)
        {
            AddBars(plot, chart, palette);
        }
        else
        {
            AddLines(plot, chart, palette, size);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("#,##0.##", CultureInfo.InvariantCulture),
        };

        if (chart.Series.Count > 1)
        {
            plot.ShowLegend(Edge.Right);
            plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        }

        // Counts start at zero: an axis cut above zero makes small changes look large.
        plot.Axes.AutoScale();
        var top = plot.Axes.GetLimits().Top;
        plot.Axes.SetLimitsY(0, top > 0 ? top : 1);
        return plot;
    }

    private static void AddBars(Plot plot, ChartData chart, ScottPlot.Palettes.Category10 palette)
    {
        var count = chart.Series.Count;
        const double Group = 0.8;
        var width = Group / count;
        var items = new List<Bar>();
        for (var s = 0; s < count; s++)
        {
            var color = palette.GetColor(s);
            for (var b = 0; b < chart.Buckets.Count; b++)
            {
                if (chart.Series[s].Values[b] is { } value)
                {
                    items.Add(new Bar { Position = b - (Group / 2) + (width * (s + 0.5)), Value = value, Size = width * 0.9, FillColor = color, LineWidth = 0 });
                }
            }

            if (count > 1)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Series[s].Name, FillColor = color });
            }
        }

        plot.Add.Bars(items);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, chart.Buckets.Count).Select(i => (double)i)],
            [.. chart.Buckets.Select(b => b.Label)]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
    }

    private static void AddLines(Plot plot, ChartData chart, ScottPlot.Palettes.Category10 palette, ChartSize size)
    {
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var points = Enumerable.Range(0, chart.Buckets.Count).Where(b => chart.Series[s].Values[b] is not null).ToList();
            double[] xs = [.. points.Select(b => chart.Buckets[b].Start.ToOADate())];
            double[] ys = [.. points.Select(b => chart.Series[s].Values[b]!.Value)];
            var line = plot.Add.Scatter(xs, ys, palette.GetColor(s));
            if (chart.Series.Count > 1)
            {
                line.LegendText = chart.Series[s].Name;
            }

            line.LineWidth = SeriesLineWidth;
            line.MarkerSize = chart.Buckets.Count <= 60 ? 5 : 0;
        }

        // ISO labels on bucket starts at a round step (every 6 hours, every Monday …), as many as fit without overlapping.
        var longest = chart.Buckets.Max(b => b.Label.Length);
        var fit = Math.Max(2, size.Width / ((longest * 8) + 40));
        var needed = (int)Math.Ceiling(chart.Buckets.Count / (double)fit);
        var step = RoundSteps(chart.Grouping).FirstOrDefault(n => n >= needed, needed);
        var ticks = chart.Buckets.Where(b => Ordinal(b.Start, chart.Grouping) % step == 0).ToList();
        if (ticks.Count < 2)
        {
            ticks = [.. chart.Buckets.Where((_, i) => i % step == 0)];
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ticks.Select(b => b.Start.ToOADate())],
            [.. ticks.Select(b => b.Label)]);
    }
}
