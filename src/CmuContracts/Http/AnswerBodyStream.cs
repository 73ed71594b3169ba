namespace CmuContracts.Http;

/// <summary>
/// The body of a success answer, read as it arrives: a read that fails because the answer broke off (connection lost
/// or reset mid-body, truncated compression) throws the library's <see cref="CmuTransportException"/>. Only reads of
/// this stream are translated, so a failure of wherever the bytes go (a caller's destination) stays the caller's own.
/// </summary>
internal sealed class AnswerBodyStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponseMessage _response;

    private AnswerBodyStream(Stream inner, HttpResponseMessage response) => (_inner, _response) = (inner, response);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static async Task<Stream> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return new AnswerBodyStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response);
        }
        catch (Exception ex) when (CmuFailures.BrokenBody(ex, response, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return _inner.Read(buffer, offset, count);
        }
        catch (Exception ex) when (CmuFailures.BrokenBody(ex, _response, CancellationToken.None) is { } failure)
        {
            throw failure;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CmuFailures.BrokenBody(ex, _response, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

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
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
