using System.Net;
using System.Text.Json;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// The innermost handler of every test host's clients: learns, from the wire, each client secret the emulator
/// issues and each access token it issues or a request carries, for that host's scan.
/// </summary>
internal sealed class SecretRecordingHandler(SecretSet secrets) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } bearer })
        {
            secrets.Add(SecretKind.AccessToken, bearer);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (response.StatusCode == HttpStatusCode.Created && path.EndsWith("/client/register", StringComparison.Ordinal))
        {
            secrets.Add(SecretKind.ClientSecret, await ReadAsync(response, "client_secret", cancellationToken).ConfigureAwait(false));
        }
        else if (response.StatusCode == HttpStatusCode.Created && path.EndsWith("/client/token", StringComparison.Ordinal))
        {
            secrets.Add(SecretKind.AccessToken, await ReadAsync(response, "access_token", cancellationToken).ConfigureAwait(false));
        }

        return response;
    }

    // Buffered, so the client above still reads the body.
    private static async Task<string?> ReadAsync(HttpResponseMessage response, string property, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return json.RootElement.TryGetProperty(property, out var value) ? value.GetString() : null;
    }
}
