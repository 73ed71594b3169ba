using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// A call's result or exception as canonical text, comparable across two assemblies: results serialized with
/// System.Text.Json (reflection over the public shape, so same-named types from both assemblies compare), exceptions
/// by type, message and Refit's ApiException details, recursively through inner exceptions.
/// </summary>
internal static class OutcomeText
{
    private static readonly JsonSerializerOptions ShapeOptions = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), WriteIndented = false };

    public static async Task<string> OfCallAsync(Func<object?> call)
    {
        try
        {
            var returned = call();
            if (AsyncItems.Of(returned) is { } items)
            {
                return await items.ConfigureAwait(false);
            }

            if (returned is not Task task)
            {
                return "returned " + await OfValueAsync(returned).ConfigureAwait(false);
            }

            await task.ConfigureAwait(false);
            var type = task.GetType();
            var result = type.IsGenericType ? type.GetProperty("Result")!.GetValue(task) : null;
            return type.IsGenericType ? "result " + await OfValueAsync(result).ConfigureAwait(false) : "completed";
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return "threw synchronously " + OfException(e.InnerException);
        }
        catch (Exception e)
        {
            return "threw " + OfException(e);
        }
    }

    public static string OfException(Exception e)
    {
        var text = new StringBuilder();
        for (var current = e; current is not null; current = current.InnerException)
        {
            text.Append(current == e ? string.Empty : " <- inner ").Append(TypeName(current.GetType())).Append(": ").Append(current.Message);
            if (current is ApiException api)
            {
                text.Append(" [status ").Append((int)api.StatusCode).Append(", reason ").Append(api.ReasonPhrase)
                    .Append(", ").Append(api.HttpMethod).Append(' ').Append(api.Uri)
                    .Append(", content ").Append(api.Content ?? "null").Append(", has content ").Append(api.HasContent).Append(']');
            }
        }

        return text.ToString();
    }

    internal static async Task<string> OfValueAsync(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return "string " + JsonSerializer.Serialize(s);
            case Stream stream:
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy).ConfigureAwait(false);
                await stream.DisposeAsync().ConfigureAwait(false);
                return "stream " + Convert.ToHexString(copy.ToArray());
            }

            case HttpResponseMessage message:
            {
                // A raw variant's response: what the caller gets to read, then disposed as the caller would.
                var body = message.Content is null ? "null" : Convert.ToHexString(await message.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
                var text = "response status " + (int)message.StatusCode + " reason " + message.ReasonPhrase
                    + " content-type " + message.Content?.Headers.ContentType + " body " + body
                    + " request " + message.RequestMessage?.Method + " " + message.RequestMessage?.RequestUri;
                message.Dispose();
                return text;
            }

            case HttpContent content:
                return "content " + Convert.ToHexString(await content.ReadAsByteArrayAsync().ConfigureAwait(false));
            case IApiResponse response:
            {
                var content = response.GetType().GetProperty("Content")?.GetValue(response);
                var text = "api-response " + TypeName(response.GetType()) + " status " + (int?)response.StatusCode + " success " + response.IsSuccessStatusCode
                    + " successful " + response.IsSuccessful + " reason " + response.ReasonPhrase
                    + " content " + await OfValueAsync(content).ConfigureAwait(false)
                    + " error " + (response.Error is null ? "null" : OfException(response.Error));
                response.Dispose();
                return text;
            }

            default:
                string json;
                try
                {
                    json = JsonSerializer.Serialize(value, value.GetType(), ShapeOptions);
                }
                catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
                {
                    json = "unserializable (" + e.GetType().Name + ") " + value;
                }

                return TypeName(value.GetType()) + " " + json;
        }
    }

    /// <summary>Namespace-qualified, with generic arguments, without assembly names (they differ by design).</summary>
    public static string TypeName(Type type) => type.IsGenericType
        ? type.Namespace + "." + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">"
        : type.FullName ?? type.Name;
}
