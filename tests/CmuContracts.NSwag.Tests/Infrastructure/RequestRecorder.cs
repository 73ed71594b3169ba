namespace CmuContracts.NSwag.Tests.Infrastructure;

/// <summary>Remembers the URI of every request it passes on, to show what NSwag's client puts on the wire.</summary>
public sealed class RequestRecorder : DelegatingHandler
{
    private readonly List<Uri> _uris = [];

    public RequestRecorder()
        : base(new HttpClientHandler())
    {
    }

    public IReadOnlyList<Uri> Uris
    {
        get
        {
            lock (_uris)
            {
                return [.. _uris];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_uris)
        {
            _uris.Add(request.RequestUri!);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
