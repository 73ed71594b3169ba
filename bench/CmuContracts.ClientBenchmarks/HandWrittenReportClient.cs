using System.Net.Http.Json;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// The baseline: the same GET (path, query, <c>Accept</c>, <c>Authorization</c>) written by hand over
/// <see cref="HttpClient"/>, the body read with <see cref="HandWrittenJsonContext"/>.
/// </summary>
internal sealed class HandWrittenReportClient(HttpClient client, string accessToken)
{
    // Header text built once, added unvalidated: the cheapest correct way, as Refit's own request code does.
    private readonly string _authorization = "Bearer " + accessToken;

    public async Task<HandWrittenReport> GetTenantYearMonthDayAsync(string start, string end, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "tenant/year/month/day?start=" + Uri.EscapeDataString(start) + "&end=" + Uri.EscapeDataString(end));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.HandWrittenReport, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The report body was JSON null.");
    }
}
