using Microsoft.AspNetCore.Http;

namespace CmuContracts.Emulator.Faults;

/// <summary>
/// A response body that goes wrong after <see cref="Intact"/> bytes: <c>cut</c> sends them, flushes and aborts the
/// connection (the client's read of the body fails mid-way); <c>garble</c> replaces every later letter, digit and
/// quote with <c>#</c> (the body stops being the JSON its headers announce). Testing faults, never drawn at random.
/// </summary>
internal sealed class FaultyBodyStream(Stream inner, HttpContext context, bool cut) : Stream
{
    /// <summary>Bytes sent as they are before the fault: past the headers and the start of a HAL body.</summary>
    public const int Intact = 64;

    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _written > Intact && cut ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var intact = (int)Math.Clamp(Intact - _written, 0, buffer.Length);
        var wasOpen = _written <= Intact;
        _written += buffer.Length;
        if (intact > 0)
        {
            await inner.WriteAsync(buffer[..intact], cancellationToken).ConfigureAwait(false);
        }

        var rest = buffer[intact..];
        if (rest.IsEmpty)
        {
            return;
        }

        if (cut)
        {
            if (wasOpen)
            {
                await inner.FlushAsync(cancellationToken).ConfigureAwait(false);

                // Abort resets the connection, and a reset can discard what the client has not read yet: give the
                // headers and the first bytes time to be read, so the client sees a success that breaks off.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
                context.Abort();
            }

            return; // the connection is gone: the rest is never sent
        }

        var garbled = rest.ToArray();
        for (var i = 0; i < garbled.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit((char)garbled[i]) || garbled[i] == (byte)'"')
            {
                garbled[i] = (byte)'#';
            }
        }

        await inner.WriteAsync(garbled, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
