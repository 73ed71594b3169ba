namespace CmuContracts.Tests.Reports;

/// <summary>
/// Wraps each response body so a test knows whether the client has read it to its end yet, and
/// optionally hands it out at most <paramref name="maxRead"/> bytes per read (every chunk boundary).
/// </summary>
internal sealed class EndOfBodyObserver(int maxRead = int.MaxValue) : DelegatingHandler
{
    private volatile bool _bodyEnded;

    public bool BodyEnded => _bodyEnded;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var inner = response.Content;
        var observed = new StreamContent(new ObservedStream(await inner.ReadAsStreamAsync(cancellationToken), maxRead, () => _bodyEnded = true));
        foreach (var header in inner.Headers)
        {
            observed.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = observed;
        return response;
    }

    private sealed class ObservedStream(Stream inner, int maxRead, Action ended) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Ended(inner.Read(buffer, offset, Math.Min(count, maxRead)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Ended(await inner.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Ended(int read)
        {
            if (read == 0)
            {
                ended();
            }

            return read;
        }
    }
}
