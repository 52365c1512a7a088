using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using static Pipeline.Dataset.Pickle.PickleOpcodes;

namespace Pipeline.Dataset.Pickle;

/// <summary>
/// Reads the one thing LCB pickles: a str (protocols 0-5, framed or not, memoized or not).
/// It is a data reader, not an unpickler: every opcode that could import, build or call anything
/// is refused, and so is every other object type (docs/decisions/003-pickle-reader.md).
/// </summary>
public static class PickleReader
{
    private const int HighestProtocol = 5;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadString(ReadOnlyMemory<byte> pickle) => StrictUtf8.GetString(ReadUtf8(pickle).Span);

    /// <summary>
    /// The str as UTF-8. For the binary opcodes this is a slice of <paramref name="pickle"/> itself, so a
    /// multi-megabyte payload is validated, never copied.
    /// </summary>
    public static ReadOnlyMemory<byte> ReadUtf8(ReadOnlyMemory<byte> pickle)
    {
        var cursor = new Cursor(pickle);
        var stack = new Stack<ReadOnlyMemory<byte>>();
        var memo = new Dictionary<long, ReadOnlyMemory<byte>>();
        while (true)
        {
            var offset = cursor.Position;
            var opcode = cursor.Byte();
            switch (opcode)
            {
                case Proto:
                    var protocol = cursor.Byte();
                    if (protocol > HighestProtocol)
                    {
                        throw new InvalidDataException($"unsupported pickle protocol {protocol} (highest known is {HighestProtocol})");
                    }
                    break;
                case Frame:
                    // Frames only group bytes for buffered reading; their content is read in sequence.
                    cursor.Length(8);
                    break;
                case Unicode:
                    stack.Push(StrictUtf8.GetBytes(RawUnicodeEscape.Decode(cursor.Line().Span)));
                    break;
                case ShortBinUnicode:
                    stack.Push(Utf8(cursor.Bytes(cursor.Length(1)), offset));
                    break;
                case BinUnicode:
                    stack.Push(Utf8(cursor.Bytes(cursor.Length(4)), offset));
                    break;
                case BinUnicode8:
                    stack.Push(Utf8(cursor.Bytes(cursor.Length(8)), offset));
                    break;
                case Memoize:
                    memo[memo.Count] = Top(stack, offset);
                    break;
                case Put:
                    memo[cursor.DecimalLine()] = Top(stack, offset);
                    break;
                case BinPut:
                    memo[cursor.Length(1)] = Top(stack, offset);
                    break;
                case LongBinPut:
                    memo[cursor.Length(4)] = Top(stack, offset);
                    break;
                case Get:
                    stack.Push(Recall(memo, cursor.DecimalLine(), offset));
                    break;
                case BinGet:
                    stack.Push(Recall(memo, cursor.Length(1), offset));
                    break;
                case LongBinGet:
                    stack.Push(Recall(memo, cursor.Length(4), offset));
                    break;
                case Stop:
                    return Top(stack, offset); // like pickle.loads: the top of the stack; later bytes are ignored
                default:
                    throw Refuse(opcode, offset);
            }
        }
    }

    private static ReadOnlyMemory<byte> Top(Stack<ReadOnlyMemory<byte>> stack, long offset) =>
        stack.TryPeek(out var top) ? top : throw new InvalidDataException($"pickle stack is empty at offset {offset}");

    private static ReadOnlyMemory<byte> Recall(Dictionary<long, ReadOnlyMemory<byte>> memo, long key, long offset) =>
        memo.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"pickle memo key {key} at offset {offset} was never stored");

    private static ReadOnlyMemory<byte> Utf8(ReadOnlyMemory<byte> bytes, long offset) =>
        System.Text.Unicode.Utf8.IsValid(bytes.Span)
            ? bytes
            : throw new InvalidDataException($"the str at offset {offset} is not valid UTF-8");

    /// <summary>Bounds-checked reads over the pickle bytes; running out is a clear error, never a partial result.</summary>
    private sealed class Cursor(ReadOnlyMemory<byte> data)
    {
        private readonly ReadOnlyMemory<byte> _data = data;
        public int Position { get; private set; }

        public byte Byte() => Bytes(1).Span[0];

        public ReadOnlyMemory<byte> Bytes(long count)
        {
            if (count > _data.Length - Position)
            {
                throw new InvalidDataException(
                    $"pickle stream is truncated: {count} bytes needed at offset {Position}, {_data.Length - Position} left (no STOP reached)");
            }
            var slice = _data.Slice(Position, (int)count);
            Position += (int)count;
            return slice;
        }

        /// <summary>A little-endian unsigned length or index of 1, 4 or 8 bytes.</summary>
        public long Length(int size)
        {
            var bytes = Bytes(size).Span;
            var value = size switch
            {
                1 => bytes[0],
                4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            };
            return value > int.MaxValue
                ? throw new InvalidDataException($"pickle length {value} at offset {Position - size} exceeds what one str can hold")
                : (long)value;
        }

        public ReadOnlyMemory<byte> Line()
        {
            var end = _data.Span[Position..].IndexOf((byte)'\n');
            if (end < 0)
            {
                throw new InvalidDataException($"pickle stream is truncated: newline expected after offset {Position}");
            }
            var line = _data.Slice(Position, end);
            Position += end + 1;
            return line;
        }

        public long DecimalLine()
        {
            var text = Encoding.ASCII.GetString(Line().Span);
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidDataException($"pickle memo key '{text}' is not a decimal number");
        }
    }
}
