using System.Text.Json;
using System.Text.Json.Serialization;

namespace CmuContracts.NSwag.Tests.AdobePass;

/// <summary>
/// NSwag's System.Text.Json models write an unset optional property as <c>null</c>
/// (<c>"redirect_uri": null</c>), which the spec does not allow (the property is optional, not
/// nullable) and the service refuses as <c>invalid_request</c>; leaving nulls out sends what the spec describes.
/// </summary>
public partial class RegistrationClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
