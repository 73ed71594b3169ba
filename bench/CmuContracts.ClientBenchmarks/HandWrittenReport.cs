using System.Text.Json;
using System.Text.Json.Serialization;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// The baseline's own DTOs for the same HAL JSON report, written the way a team would without a generator: the same
/// properties and types as the generated <c>UsageReport</c>, read by System.Text.Json's source generator.
/// </summary>
internal sealed class HandWrittenReport
{
    [JsonPropertyName("_links")]
    public required HandWrittenLinks Links { get; init; }

    [JsonPropertyName("report")]
    public required IReadOnlyList<HandWrittenRecord> Report { get; init; }
}

internal sealed class HandWrittenLinks
{
    [JsonPropertyName("self")]
    public required HandWrittenLink Self { get; init; }

    [JsonPropertyName("roll-up")]
    public HandWrittenLink? RollUp { get; init; }

    /// <summary>One link or an array of them, so kept as JSON (the generated model also parses it into a JsonElement first).</summary>
    [JsonPropertyName("drill-down")]
    public JsonElement? DrillDown { get; init; }
}

internal sealed class HandWrittenLink
{
    [JsonPropertyName("href")]
    public required string Href { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

/// <summary>A report row; every value arrives as a JSON string, hence the context's number handling.</summary>
internal sealed class HandWrittenRecord
{
    [JsonPropertyName("tenant")] public string? Tenant { get; init; }
    [JsonPropertyName("application")] public string? Application { get; init; }
    [JsonPropertyName("application-id")] public string? ApplicationId { get; init; }
    [JsonPropertyName("channel")] public string? Channel { get; init; }
    [JsonPropertyName("mvpd")] public string? Mvpd { get; init; }
    [JsonPropertyName("platform")] public string? Platform { get; init; }
    [JsonPropertyName("year")] public int? Year { get; init; }
    [JsonPropertyName("month")] public int? Month { get; init; }
    [JsonPropertyName("day")] public int? Day { get; init; }
    [JsonPropertyName("hour")] public int? Hour { get; init; }
    [JsonPropertyName("minute")] public int? Minute { get; init; }
    [JsonPropertyName("concurrency-level")] public int? ConcurrencyLevel { get; init; }
    [JsonPropertyName("activity-level")] public int? ActivityLevel { get; init; }
    [JsonPropertyName("active-users")] public long? ActiveUsers { get; init; }
    [JsonPropertyName("active-sessions")] public long? ActiveSessions { get; init; }
    [JsonPropertyName("started-sessions")] public long? StartedSessions { get; init; }
    [JsonPropertyName("completed-sessions")] public long? CompletedSessions { get; init; }
    [JsonPropertyName("failed-attempts")] public long? FailedAttempts { get; init; }
    [JsonPropertyName("dismissed-sessions")] public long? DismissedSessions { get; init; }
    [JsonPropertyName("killed-sessions")] public long? KilledSessions { get; init; }
    [JsonPropertyName("duration_0-15")] public long? Duration0_15 { get; init; }
    [JsonPropertyName("duration_15-30")] public long? Duration15_30 { get; init; }
    [JsonPropertyName("duration_30-60")] public long? Duration30_60 { get; init; }
    [JsonPropertyName("duration_60-120")] public long? Duration60_120 { get; init; }
    [JsonPropertyName("duration_2h-4h")] public long? Duration2h4h { get; init; }
    [JsonPropertyName("duration_4h-8h")] public long? Duration4h8h { get; init; }
    [JsonPropertyName("duration_8h-16h")] public long? Duration8h16h { get; init; }
    [JsonPropertyName("duration_16h-1d")] public long? Duration16h1d { get; init; }
    [JsonPropertyName("duration_1d-3d")] public long? Duration1d3d { get; init; }
    [JsonPropertyName("duration_3d-7d")] public long? Duration3d7d { get; init; }
    [JsonPropertyName("duration_1w-1m")] public long? Duration1w1m { get; init; }
    [JsonPropertyName("duration_over-1m")] public long? DurationOver1m { get; init; }
    [JsonPropertyName("users")] public long? Users { get; init; }

    // Settable: System.Text.Json cannot bind extension data through an init-only (constructor-like) property.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>System.Text.Json's source-generated metadata for the baseline (no reflection at run time).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(HandWrittenReport))]
internal sealed partial class HandWrittenJsonContext : JsonSerializerContext;
