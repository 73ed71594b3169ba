using System.Buffers;
using System.Text;

namespace CmuContracts.Reports;

/// <summary>
/// CMU's CSV answers, row by row (RFC 4180: a quoted field may hold commas, quotes and line breaks). Works on the
/// bytes as received: the delimiters are ASCII, which never occurs inside a UTF-8 multi-byte character, so rows are
/// passed on byte for byte.
/// </summary>
internal static class UsageCsv
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Reads one answer whole (at most the limit's rows): its header, its data rows, their time buckets.</summary>
    public static async Task<UsageReportWindowAnswer<UsageCsvWindow>> ReadWindowAsync(Stream body, UsageReportApplied applied, CancellationToken cancellationToken)
    {
        var window = new UsageCsvWindow();
        var buckets = new UsageReportBuckets();
        var rows = 0;
        string[] columns = [];
        var row = new ArrayBufferWriter<byte>(256);
        var splitter = new RowSplitter();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                var data = buffer.AsSpan(0, read);
                while (data.Length > 0)
                {
                    var end = splitter.NextRowEnd(data);
                    if (end < 0)
                    {
                        row.Write(data);
                        break;
                    }

                    row.Write(data[..end]);
                    Complete(row.WrittenSpan);
                    row.ResetWrittenCount();
                    data = data[end..];
                }
            }

            if (row.WrittenCount > 0)
            {
                Complete(row.WrittenSpan); // a last row without a line break
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new UsageReportWindowAnswer<UsageCsvWindow>(window, rows, applied, buckets);

        void Complete(ReadOnlySpan<byte> line)
        {
            if (window.Header is null)
            {
                window.Header = line.ToArray();
                columns = Fields(line);
                return;
            }

            window.Append(line);
            rows++;
            var fields = Fields(line);
            buckets.Add(name => Array.IndexOf(columns, name) is var i and >= 0 && i < fields.Length ? fields[i] : null);
        }
    }

    /// <summary>Copies an answer to <paramref name="destination"/> as it arrives; returns its number of data rows.</summary>
    public static async Task<int> CopyCountingRowsAsync(Stream body, Stream destination, CancellationToken cancellationToken)
    {
        var splitter = new RowSplitter();
        long rowEnds = 0, sinceRowEnd = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                var at = 0;
                int end;
                var found = false;
                while ((end = splitter.NextRowEnd(buffer.AsSpan(at, read - at))) >= 0)
                {
                    rowEnds++;
                    at += end;
                    found = true;
                }

                sinceRowEnd = found ? read - at : sinceRowEnd + read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var lines = rowEnds + (sinceRowEnd > 0 ? 1 : 0);
        return (int)Math.Max(0, lines - 1); // less the header
    }

    /// <summary>The fields of one row, unquoted, without its line break.</summary>
    public static string[] Fields(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line).TrimEnd('\r', '\n');
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>Finds row ends (a line feed outside quotes), remembering across calls whether it is inside quotes.</summary>
    private sealed class RowSplitter
    {
        private bool _quoted;

        /// <summary>The index just past the first row end in <paramref name="data"/>, or -1 (all of it was scanned).</summary>
        public int NextRowEnd(ReadOnlySpan<byte> data)
        {
            for (var i = 0; i < data.Length; i++)
            {
                switch (data[i])
                {
                    case (byte)'"':
                        _quoted = !_quoted; // an escaped quote ("") toggles twice
                        break;
                    case (byte)'\n' when !_quoted:
                        return i + 1;
                }
            }

            return -1;
        }
    }
}
