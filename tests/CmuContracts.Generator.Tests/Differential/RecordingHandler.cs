using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// Records every request as canonical text (request line, raw header values in the order they were set, content
/// length as computed, body bytes) and answers with one scripted response; nothing leaves the process.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

    public List<string> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append(request.Method.Method).Append(' ').Append(request.RequestUri?.OriginalString).Append(" HTTP/").Append(request.Version).Append('\n');
        text.Append("absolute-uri: ").Append(request.RequestUri?.AbsoluteUri).Append('\n');
        AppendHeaders(text, request.Headers);
        if (request.Content is { } content)
        {
            AppendHeaders(text, content.Headers);
            text.Append("content-length (computed): ").Append(content.Headers.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "none").Append('\n');
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            text.Append("body (").Append(bytes.Length).Append(" bytes): ").Append(Escape(bytes)).Append('\n');
        }
        else
        {
            text.Append("no content\n");
        }

        Requests.Add(text.ToString());
        var response = _respond(request);
        response.RequestMessage = request;
        return response;
    }

    private static void AppendHeaders(StringBuilder text, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            text.Append(header.Key).Append(": ").Append(string.Join(" | ", header.Value)).Append('\n');
        }
    }

    /// <summary>UTF-8 text when it round-trips, otherwise hex, so any byte difference shows.</summary>
    private static string Escape(byte[] bytes)
    {
        var utf8 = new UTF8Encoding(false, true);
        try
        {
            return utf8.GetString(bytes).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            return "hex:" + Convert.ToHexString(bytes);
        }
    }
}

/// <summary>The responses every call is replayed against.</summary>
internal enum ResponseKind
{
    /// <summary>200 with a JSON body of the method's result type (or text/bytes for text and binary results).</summary>
    Success,

    /// <summary>The operation's first declared 4xx status (404 when none is declared) with a JSON error body.</summary>
    DeclaredClientError,

    /// <summary>503 with a text body.</summary>
    ServerError,

    /// <summary>200, application/json, truncated JSON.</summary>
    MalformedJson,

    /// <summary>200, application/json, zero bytes.</summary>
    EmptyBody,
}

/// <summary>Builds the scripted response for a <see cref="ResponseKind"/>.</summary>
internal static class ScriptedResponse
{
    public static HttpResponseMessage Create(ResponseKind kind, int clientErrorStatus, string successMediaType, byte[] successBody) => kind switch
    {
        ResponseKind.Success => With(HttpStatusCode.OK, successMediaType, successBody),
        ResponseKind.DeclaredClientError => With((HttpStatusCode)clientErrorStatus, "application/json",
            Encoding.UTF8.GetBytes("{\"error\":\"invalid_request\",\"error_description\":\"Bad value ü <x>\",\"status\":" + clientErrorStatus.ToString(CultureInfo.InvariantCulture) + "}")),
        ResponseKind.ServerError => With(HttpStatusCode.ServiceUnavailable, "text/plain", Encoding.UTF8.GetBytes("upstream unavailable ü")),
        ResponseKind.MalformedJson => With(HttpStatusCode.OK, "application/json", Encoding.UTF8.GetBytes("{\"a\": [1, 2,")),
        _ => With(HttpStatusCode.OK, "application/json", Array.Empty<byte>()),
    };

    private static HttpResponseMessage With(HttpStatusCode status, string mediaType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType.EndsWith("json", StringComparison.Ordinal) ? "utf-8" : null };
        var response = new HttpResponseMessage(status) { Content = content, ReasonPhrase = "Scripted " + (int)status };
        response.Headers.TryAddWithoutValidation("X-Request-Id", "r-1");
        return response;
    }
}
