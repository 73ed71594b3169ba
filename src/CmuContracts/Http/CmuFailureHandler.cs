namespace CmuContracts.Http;

/// <summary>
/// The outermost handler of every client: a connection failure, a Polly timeout or a rejection by a resilience
/// strategy leaves the pipeline as the library's <see cref="CmuTransportException"/> or
/// <see cref="CmuTimeoutException"/> (the original inside), so callers of the Refit clients and of
/// <c>IUsageReports</c> catch one family. A cancellation the caller asked for passes as it is.
/// </summary>
internal sealed class CmuFailureHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CmuFailures.Transport(ex, request, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }
}
