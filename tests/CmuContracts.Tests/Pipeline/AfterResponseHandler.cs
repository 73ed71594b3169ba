namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Runs <paramref name="after"/> once, right after the first response comes back and before the client sees it: a fault
/// that strikes at the worst moment (Redis killed between a registration's 201 and its write to the store, say).
/// </summary>
internal sealed class AfterResponseHandler(Func<Task> after) : DelegatingHandler
{
    private int _ran;

    public bool Ran => Volatile.Read(ref _ran) == 1;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Interlocked.Exchange(ref _ran, 1) == 0)
        {
            await after();
        }

        return response;
    }
}
