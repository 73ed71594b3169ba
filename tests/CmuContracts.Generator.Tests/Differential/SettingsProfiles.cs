using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>The <see cref="RefitSettings"/> both implementations are compared under; each call gets a fresh instance.</summary>
internal static class SettingsProfiles
{
    public const string Defaults = "defaults";
    public const string Hooks = "formatter+exception-factory+auth-getter";
    public const string Buffered = "buffered+deserialization-factory+pipes";

    public static IEnumerable<string> Names => new[] { Defaults, Hooks, Buffered };

    public static RefitSettings Create(string name) => name switch
    {
        Defaults => new RefitSettings { ContentSerializer = Serializer() },
        Hooks => new RefitSettings
        {
            ContentSerializer = Serializer(),
            UrlParameterFormatter = new TaggingUrlParameterFormatter(),
            ExceptionFactory = async response => response.IsSuccessStatusCode
                ? null
                : new ScriptedStatusException((int)response.StatusCode, response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false)),
            // The request URI is still relative when the getter runs.
            AuthorizationHeaderValueGetter = (request, _) => ValueTask.FromResult("tok-" + request.Method.Method + "-" + request.RequestUri?.OriginalString.Length.ToString(CultureInfo.InvariantCulture)),
        },
        Buffered => new RefitSettings
        {
            ContentSerializer = Serializer(),
            Buffered = true,
            CollectionFormat = CollectionFormat.Pipes,
            DeserializationExceptionFactory = (response, exception) =>
                ValueTask.FromResult<Exception?>(new ScriptedDeserializationException((int)response.StatusCode, exception.GetType().FullName + ": " + exception.Message)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown settings profile."),
    };

    /// <summary>
    /// Refit's default serializer, with reflection metadata on Refit 17: its default has none (it asks for a
    /// JsonSerializerContext or the Refit.Reflection package), so Refit's own implementation could not write a body.
    /// Ours is unaffected: it hands the serializer its generated metadata on either Refit.
    /// </summary>
    private static SystemTextJsonContentSerializer Serializer() =>
        typeof(RefitSettings).Assembly.GetName().Version!.Major < 17
            ? new SystemTextJsonContentSerializer()
            : new SystemTextJsonContentSerializer(new JsonSerializerOptions(SystemTextJsonContentSerializer.GetDefaultJsonSerializerOptions()) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });

    /// <summary>Wraps Refit's default formatter and shows what the hook was handed: the attribute provider and the type.</summary>
    private sealed class TaggingUrlParameterFormatter : IUrlParameterFormatter
    {
        private readonly DefaultUrlParameterFormatter _inner = new();

        public string? Format(object? value, UrlAttributeProvider attributeProvider, Type type)
        {
            var provider = attributeProvider switch
            {
                ParameterInfo p => "param:" + p.Name,
                PropertyInfo p => "prop:" + p.Name,
                MemberInfo m => "member:" + m.Name,
                null => "null",
                _ => attributeProvider.GetType().Name,
            };
            return "<" + provider + "|" + type?.Name + ">" + _inner.Format(value, attributeProvider!, type!);
        }
    }
}

/// <summary>Thrown by the <see cref="SettingsProfiles.Hooks"/> exception factory.</summary>
public sealed class ScriptedStatusException(int status, string body) : Exception("status " + status.ToString(CultureInfo.InvariantCulture) + ": " + body);

/// <summary>Thrown by the <see cref="SettingsProfiles.Buffered"/> deserialization exception factory.</summary>
public sealed class ScriptedDeserializationException(int status, string inner) : Exception("deserialization at " + status.ToString(CultureInfo.InvariantCulture) + " after " + inner);
