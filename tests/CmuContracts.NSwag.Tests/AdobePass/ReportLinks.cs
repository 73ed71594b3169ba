using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CmuContracts.NSwag.Tests.AdobePass;

/// <summary>
/// HAL links of a report, written by hand in place of NSwag's (excluded with <c>/excludedTypeNames</c>):
/// the spec's <c>drill-down</c> is <c>oneOf</c> one Link or an array of them, and NSwag 14.7 types it
/// as <see cref="Link"/> alone, which cannot read the array the service sends when there are several.
/// </summary>
public sealed class ReportLinks
{
    [JsonPropertyName("self")]
    [Required]
    public Link Self { get; set; } = new();

    [JsonPropertyName("roll-up")]
    public Link? RollUp { get; set; }

    /// <summary>Every drill-down link, whichever form the service used; empty at leaves.</summary>
    [JsonPropertyName("drill-down")]
    [JsonConverter(typeof(LinkOrLinksJsonConverter))]
    public IReadOnlyList<Link> DrillDown { get; set; } = [];

    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
}
