using System.Collections.Concurrent;
using CmuContracts.AdobePass;
using Refit;

namespace CmuContracts.Tests.Reports;

/// <summary>Records what each CMU request carries on the wire and in the options the pipeline's handlers read.</summary>
internal sealed class WireRecorder : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> MethodNameKey = new(HttpRequestMessageOptions.MethodName);
    private readonly ConcurrentQueue<WireCall> _calls = new();

    public IReadOnlyList<WireCall> Calls => _calls.ToArray();

    public WireCall Last => Calls[^1];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ApiRequestOptions.OperationId, out var operationId);
        request.Options.TryGetValue(MethodNameKey, out var methodName);
        _calls.Enqueue(new WireCall(
            request.RequestUri!.AbsolutePath,
            request.RequestUri.Query,
            operationId,
            methodName,
            string.Join(",", request.Headers.Accept.Select(a => a.MediaType)),
            request.Headers.Authorization?.Scheme));
        return base.SendAsync(request, cancellationToken);
    }
}

internal sealed record WireCall(string Path, string Query, string? OperationId, string? MethodName, string Accept, string? AuthorizationScheme);
