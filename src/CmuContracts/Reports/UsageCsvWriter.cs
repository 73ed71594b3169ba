namespace CmuContracts.Reports;

/// <summary>
/// Writes the CSV windows of one report as one CSV: the header row once (the first window's), then every window's
/// data rows as received, in chunks, so a destination never gets one huge write.
/// </summary>
internal sealed class UsageCsvWriter(Stream destination)
{
    private const int ChunkBytes = 64 * 1024;
    private byte[]? _header;
    private bool _headerWritten;
    private bool _lineOpen;

    public async Task WriteAsync(UsageCsvWindow window, CancellationToken cancellationToken)
    {
        if (window.Header is { } header)
        {
            if (_header is null)
            {
                _header = header;
            }
            else if (!header.AsSpan().SequenceEqual(_header))
            {
                throw new CmuException("The time windows of one CMU CSV report came back with different header rows, so they cannot be joined into one CSV.")
                {
                    Remedy = "Fetch the report as records (GetRecordsAsync) or in one request (AllowPartial with a larger limit).",
                };
            }
        }

        var rows = window.Rows;
        if (rows.IsEmpty)
        {
            return;
        }

        if (!_headerWritten && _header is not null)
        {
            await destination.WriteAsync(_header, cancellationToken).ConfigureAwait(false);
            _headerWritten = true;
        }

        if (_lineOpen)
        {
            // The previous window's last row had no line break: the next row must not continue it.
            await destination.WriteAsync(LineBreak(), cancellationToken).ConfigureAwait(false);
        }

        for (var at = 0; at < rows.Length; at += ChunkBytes)
        {
            await destination.WriteAsync(rows.Slice(at, Math.Min(ChunkBytes, rows.Length - at)), cancellationToken).ConfigureAwait(false);
        }

        _lineOpen = rows.Span[^1] != (byte)'\n';
    }

    /// <summary>Writes the header if no window had rows (an empty report is its header alone), then flushes.</summary>
    public async Task EndAsync(byte[]? header, CancellationToken cancellationToken)
    {
        if (!_headerWritten && (_header ?? header) is { } only)
        {
            await destination.WriteAsync(only, cancellationToken).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private byte[] LineBreak() => _header is [.., (byte)'\r', (byte)'\n'] ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
}
