using System.Diagnostics;
using ApiRequestOptions = CmuContracts.AdobePass.ApiRequestOptions;

namespace CmuContracts.Http;

/// <summary>Records <c>cmu.request.duration</c> per operation and status (outermost: retries and, for CMU calls, the bearer token included).</summary>
internal sealed class RequestDurationHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ApiRequestOptions.OperationId, out var operationId);
        var started = timeProvider.GetTimestamp();
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response;
        }
        finally
        {
            CmuDiagnostics.RequestDuration.Record(
                timeProvider.GetElapsedTime(started).TotalSeconds,
                new TagList { { "cmu.operation", operationId ?? "unknown" }, { "http.response.status_code", status } });
        }
    }
}
