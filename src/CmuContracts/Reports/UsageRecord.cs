using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CmuContracts.Reports;

namespace CmuContracts.AdobePass;

/// <summary>
/// One row of a CMU report: the spec's <c>UsageRecord</c> (a typed property per documented dimension and metric,
/// any other value in <see cref="AdditionalProperties"/>), extended with views by name, for code that does not know
/// the columns in advance: <see cref="Dimensions"/>, <see cref="Metrics"/>, <see cref="GetMetric"/>.
/// </summary>
public sealed partial class UsageRecord
{
    private Columns? _columns;

    /// <summary>
    /// Dimension name to value as CMU writes it (<c>tenant</c> → <c>Acme</c>, <c>month</c> → <c>5</c>): the spec's
    /// dimensions in the spec's order, then names the spec does not know, as received.
    /// </summary>
    public IReadOnlyDictionary<string, string> Dimensions => View.Dimensions;

    /// <summary>
    /// Metric name to value (<c>active-users</c> → 48211): the spec's metrics in the spec's order, then integer values
    /// of names the spec does not know (e.g. <c>bstreams-30</c>), as received.
    /// </summary>
    public IReadOnlyDictionary<string, long> Metrics => View.Metrics;

    /// <summary>The value of a metric, or null when the record does not carry it.</summary>
    /// <param name="metric">The metric, e.g. <see cref="ReportMetric.ActiveUsers"/> or <c>"bstreams-30"</c>.</param>
    public long? GetMetric(ReportMetric metric) => View.Metrics.TryGetValue(metric.Value, out var value) ? value : null;

    /// <summary>The value of a dimension as CMU writes it, or null when the record does not carry it.</summary>
    /// <param name="dimension">The dimension, e.g. <see cref="ReportDimension.Tenant"/> or <c>"tenant"</c>.</param>
    public string? GetDimension(ReportDimension dimension) => View.Dimensions.TryGetValue(dimension.Value, out var value) ? value : null;

    /// <summary>
    /// The start of the record's time bucket (UTC) from its <see cref="Year"/> … <see cref="Minute"/>, or null when it
    /// has no year (paths without time dimensions) or the values are no calendar time.
    /// </summary>
    public DateTimeOffset? PeriodStart
    {
        get
        {
            if (Year is not { } year)
            {
                return null;
            }

            try
            {
                return new DateTimeOffset(year, Month ?? 1, Day ?? 1, Hour ?? 0, Minute ?? 0, 0, TimeSpan.Zero);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null; // Not a calendar time (a server quirk): no period rather than a crash.
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", Dimensions.Select(d => $"{d.Key}={d.Value}").Concat(Metrics.Select(m => $"{m.Key}={m.Value.ToString(CultureInfo.InvariantCulture)}")));

    // Built once, on first use. Immutable after that, so a race builds two equal views and keeps either.
    private Columns View => _columns ??= Columns.Of(this);

    /// <summary>
    /// The record's values by name. They come from the generated writer, the one place that maps the spec's names to
    /// the properties, so a property the spec adds is here with no edit: dimensions of the drill-down tree and other
    /// non-integer values are dimensions, integers are metrics.
    /// </summary>
    private sealed class Columns(OrderedDictionary<string, string> dimensions, OrderedDictionary<string, long> metrics)
    {
        public OrderedDictionary<string, string> Dimensions { get; } = dimensions;

        public OrderedDictionary<string, long> Metrics { get; } = metrics;

        public static Columns Of(UsageRecord record)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Internal.JsonValueWriter.WriteModel(writer, record);
            }

            var dimensions = new OrderedDictionary<string, string>(StringComparer.Ordinal);
            var metrics = new OrderedDictionary<string, long>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(buffer.WrittenSpan);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var text = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    _ => null,
                };
                if (text is null)
                {
                    reader.Skip(); // null, or a nested value no CMU record has
                    continue;
                }

                var dimension = new ReportDimension(name);
                if (!dimension.IsKnown && !UsageReportTree.IsDimension(name) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    metrics[name] = value;
                }
                else
                {
                    dimensions[name] = text;
                }
            }

            return new Columns(dimensions, metrics);
        }
    }
}
