using System.Text.Json;
using System.Text.Json.Serialization;

namespace CmuContracts.NSwag.Tests.AdobePass;

/// <summary>
/// The one line a consuming team adds to NSwag's generated reports client, as the spec's
/// <c>UsageRecord</c> description asks: the service renders every record value as a JSON string
/// (<c>"205"</c>) while the schema types metrics and time dimensions as integers.
/// </summary>
public partial class UsageReportsClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.NumberHandling |= JsonNumberHandling.AllowReadingFromString;
}
