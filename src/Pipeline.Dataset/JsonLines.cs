namespace Pipeline.Dataset;

/// <summary>
/// Streams the lines of a JSON-lines file as UTF-8 bytes: one buffer, grown only to the longest row,
/// so a file of any size is read in constant memory. A yielded line is valid until the next one.
/// </summary>
public static class JsonLines
{
    private const int SmallestBuffer = 1 << 20;

    /// <summary>
    /// A file up to this size is read into one buffer of its size, so its rows never make the buffer grow through
    /// every power of two up to the longest: a 30 MB row made 63 MB of buffers, and each new page costs a fault
    /// (decision 026). Larger files start small, so their buffer stays the size of their longest row.
    /// </summary>
    private const int LargestFirstBuffer = 64 << 20;

    public static IEnumerable<(long Number, ReadOnlyMemory<byte> Bytes)> Read(Stream stream)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(FirstBufferSize(stream));
        int start = 0, end = 0;
        long number = 0;
        var eof = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                number++;
                var line = Trim(buffer.AsMemory(start, newline));
                start += newline + 1;
                if (!line.IsEmpty)
                {
                    yield return (number, line);
                }
                continue;
            }
            if (eof)
            {
                if (end > start)
                {
                    yield return (number + 1, Trim(buffer.AsMemory(start, end - start)));
                }
                yield break;
            }
            (buffer, start, end) = Compact(buffer, start, end);
            var read = stream.Read(buffer, end, buffer.Length - end);
            eof = read == 0;
            end += read;
        }
    }

    private static int FirstBufferSize(Stream stream) =>
        stream.CanSeek && stream.Length - stream.Position is var left && left < LargestFirstBuffer ? (int)left + 1 : SmallestBuffer;

    /// <summary>Moves the unfinished line to the front, doubling the buffer when that line already fills it.</summary>
    private static (byte[] Buffer, int Start, int End) Compact(byte[] buffer, int start, int end)
    {
        var pending = end - start;
        var target = pending == buffer.Length ? new byte[buffer.Length * 2] : buffer;
        Buffer.BlockCopy(buffer, start, target, 0, pending);
        return (target, 0, pending);
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line) =>
        line.Span.IsEmpty || line.Span[^1] != (byte)'\r' ? line : line[..^1];
}
