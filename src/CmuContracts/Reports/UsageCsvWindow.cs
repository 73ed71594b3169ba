using System.Buffers;

namespace CmuContracts.Reports;

/// <summary>One CSV answer held whole: its header row and its data rows, each with its line break as received.</summary>
internal sealed class UsageCsvWindow
{
    private readonly ArrayBufferWriter<byte> _rows = new(4096);

    public byte[]? Header { get; set; }

    public ReadOnlyMemory<byte> Rows => _rows.WrittenMemory;

    public void Append(ReadOnlySpan<byte> row) => _rows.Write(row);
}
