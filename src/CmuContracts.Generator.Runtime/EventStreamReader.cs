namespace SpecNamespace.Internal;

/// <summary>
/// Sends a request whose answer is a stream of events and yields each event's data as it arrives: server-sent events
/// (<c>text/event-stream</c>: the <c>data</c> of each event, a <c>[DONE]</c> event ending the stream), JSON Lines
/// (<c>application/x-ndjson</c>, <c>application/jsonl</c>: one value a line), or a JSON array. Authorization and errors
/// go through Refit's settings as in every other call (the bearer placeholder filled by
/// <c>AuthorizationHeaderValueGetter</c>, a non-success status thrown by <c>ExceptionFactory</c>); values are read with
/// the generated JSON metadata, so nothing needs reflection.
/// </summary>
internal static class EventStreamReader
{
    /// <summary>The data that ends an OpenAI-style stream: not JSON, and nothing follows it.</summary>
    private const string Done = "[DONE]";

    public static async global::System.Collections.Generic.IAsyncEnumerable<T> ReadAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::Refit.RefitSettings settings,
        global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        global::System.Threading.CancellationToken methodCancellationToken,
        [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)
    {
        // The method's token and the enumeration's (WithCancellation) both cancel; link them only when both can.
        using var linked = methodCancellationToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(methodCancellationToken, cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : methodCancellationToken);
        using (request)
        {
            if (settings.AuthorizationHeaderValueGetter is { } getter && request.Headers.Authorization is { } authorization && string.IsNullOrWhiteSpace(authorization.Parameter))
            {
                var value = await getter(request, token).ConfigureAwait(false);
                request.Headers.Authorization = string.IsNullOrWhiteSpace(value) ? null : new global::System.Net.Http.Headers.AuthenticationHeaderValue(authorization.Scheme, value);
            }

            using var response = await client.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var exception = await settings.ExceptionFactory(response).ConfigureAwait(false);
            if (exception is not null)
            {
                throw exception;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(stream, false))
            {
                if (string.Equals(mediaType, "text/event-stream", global::System.StringComparison.OrdinalIgnoreCase))
                {
                    await foreach (var data in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(EventData(stream, token), false))
                    {
                        if (data == Done)
                        {
                            yield break;
                        }

                        yield return Parse(data, typeInfo);
                    }
                }
                else if (IsJsonLines(mediaType))
                {
                    using var reader = new global::System.IO.StreamReader(stream, global::System.Text.Encoding.UTF8);
                    while (await reader.ReadLineAsync(token).ConfigureAwait(false) is { } line)
                    {
                        if (!string.IsNullOrWhiteSpace(line))
                        {
                            yield return Parse(line, typeInfo);
                        }
                    }
                }
                else
                {
                    await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(global::System.Text.Json.JsonSerializer.DeserializeAsyncEnumerable(stream, typeInfo, token), false))
                    {
                        yield return item!;
                    }
                }
            }
        }
    }

    /// <summary>The data of each event, as the server-sent events format defines it (data lines joined by line feeds).</summary>
    private static async global::System.Collections.Generic.IAsyncEnumerable<string> EventData(
        global::System.IO.Stream stream,
        [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken)
    {
        using var reader = new global::System.IO.StreamReader(stream, global::System.Text.Encoding.UTF8);
        var data = new global::System.Text.StringBuilder();
        var hasData = false;
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Length == 0)
            {
                // A blank line dispatches the event; the end of the stream dispatches one left unterminated.
                if (hasData)
                {
                    yield return data.ToString();
                }

                if (line is null)
                {
                    yield break;
                }

                data.Clear();
                hasData = false;
                continue;
            }

            if (line.StartsWith("data", global::System.StringComparison.Ordinal) && (line.Length == 4 || line[4] == ':'))
            {
                var value = line.Length > 5 && line[5] == ' ' ? line.Substring(6) : line.Substring(global::System.Math.Min(5, line.Length));
                if (hasData)
                {
                    data.Append('\n');
                }

                data.Append(value);
                hasData = true;
            }

            // Comments (':'), event, id and retry fields name or pace events; the data is what the caller asked for.
        }
    }

    private static bool IsJsonLines(string mediaType) =>
        string.Equals(mediaType, "application/x-ndjson", global::System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(mediaType, "application/jsonl", global::System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(mediaType, "application/x-jsonlines", global::System.StringComparison.OrdinalIgnoreCase);

    /// <summary>One value: JSON read with the generated metadata, or the text itself when strings are asked for and it is not JSON.</summary>
    private static T Parse<T>(string data, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        if (typeof(T) == typeof(string) && !data.StartsWith('"'))
        {
            return (T)(object)data;
        }

        return global::System.Text.Json.JsonSerializer.Deserialize(data, typeInfo)!;
    }
}
