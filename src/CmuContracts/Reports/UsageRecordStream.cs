using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CmuContracts.AdobePass;
using static CmuContracts.AdobePass.Internal.JsonValueReader;

namespace CmuContracts.Reports;

/// <summary>
/// Reads the records of a HAL report body (<c>{"_links": …, "report": [ {…}, … ]}</c>) one at a time
/// while the body arrives: only the record being read, never the whole report, is held. This class only finds where
/// each record and the links are; the generated JSON code reads them (<see cref="UsageRecord"/>,
/// <see cref="ReportLinks"/>). The <c>self</c> href (what the server applied) goes to a callback as soon as it is
/// read, wherever <c>_links</c> is.
/// </summary>
internal static class UsageRecordStream
{
    private const int MaxRecordBytes = 1 << 20;

    public static async IAsyncEnumerable<UsageRecord> ReadAsync(Stream body, Action<string>? selfHref, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var parser = new Parser(selfHref);
        var filled = 0;
        var final = false;
        var records = new List<UsageRecord>();
        try
        {
            while (!parser.Done)
            {
                if (!final)
                {
                    if (filled == buffer.Length)
                    {
                        // A token or record longer than the buffer: grow it, within a bound.
                        if (buffer.Length >= MaxRecordBytes)
                        {
                            throw new JsonException($"A CMU report record is longer than {MaxRecordBytes} bytes.");
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    filled += read;
                    final = read == 0;
                }

                var consumed = parser.Parse(buffer.AsSpan(0, filled), final, records);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                foreach (var record in records)
                {
                    yield return record;
                }

                records.Clear();
                if (final && !parser.Done)
                {
                    throw new JsonException("The CMU report body ended before its JSON object did.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum Phase
    {
        Start,
        InRoot,
        InReport,
        Done,
    }

    /// <summary>Resumable across buffers: each call goes as far as the data allows and returns the bytes it used.</summary>
    private sealed class Parser(Action<string>? selfHref)
    {
        private JsonReaderState _state;
        private Phase _phase;

        public bool Done => _phase == Phase.Done;

        public int Parse(ReadOnlySpan<byte> data, bool final, List<UsageRecord> records)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var safe = 0;
            while (_phase != Phase.Done)
            {
                var before = reader.CurrentState;
                if (!reader.Read())
                {
                    break;
                }

                switch (_phase, reader.TokenType)
                {
                    case (Phase.Start, JsonTokenType.StartObject):
                        _phase = Phase.InRoot;
                        break;
                    case (Phase.Start, _):
                        throw new JsonException($"A CMU report is a JSON object, not {reader.TokenType}.");
                    case (Phase.InRoot, JsonTokenType.PropertyName) when reader.ValueTextEquals("report"u8):
                        if (!reader.Read())
                        {
                            return Rewind(before, safe);
                        }

                        _phase = reader.TokenType switch
                        {
                            JsonTokenType.StartArray => Phase.InReport,
                            JsonTokenType.Null => Phase.InRoot,
                            _ => throw new JsonException($"A CMU report's 'report' is an array, not {reader.TokenType}."),
                        };
                        break;
                    case (Phase.InRoot, JsonTokenType.PropertyName):
                        // Another member (_links): skipped whole, or re-read with more data.
                        var links = reader.ValueTextEquals("_links"u8);
                        if (!reader.Read())
                        {
                            return Rewind(before, safe);
                        }

                        var valueStart = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            return Rewind(before, safe);
                        }

                        if (links && selfHref is not null && SelfHref(data[valueStart..(int)reader.BytesConsumed]) is { } href)
                        {
                            selfHref(href);
                        }

                        break;
                    case (Phase.InRoot, _):
                        _phase = Phase.Done; // the end of the root object
                        break;
                    case (Phase.InReport, JsonTokenType.StartObject):
                        var start = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            return Rewind(before, safe);
                        }

                        var record = new Utf8JsonReader(data[start..(int)reader.BytesConsumed], isFinalBlock: true, state: default);
                        record.Read();
                        records.Add(ReadModel<UsageRecord>(ref record));
                        break;
                    case (Phase.InReport, JsonTokenType.EndArray):
                        _phase = Phase.InRoot; // members after the report (_links) are read too
                        break;
                    case (Phase.InReport, _):
                        if (!reader.TrySkip())
                        {
                            return Rewind(before, safe);
                        }

                        break;
                }

                safe = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            return safe;

            int Rewind(JsonReaderState state, int position)
            {
                _state = state;
                return position;
            }
        }

        /// <summary>The <c>self.href</c> of a <c>_links</c> value, if it has one.</summary>
        private static string? SelfHref(ReadOnlySpan<byte> links)
        {
            var reader = new Utf8JsonReader(links, isFinalBlock: true, state: default);
            reader.Read();
            return reader.TokenType == JsonTokenType.StartObject ? ReadModel<ReportLinks>(ref reader).Self?.Href : null;
        }
    }
}
