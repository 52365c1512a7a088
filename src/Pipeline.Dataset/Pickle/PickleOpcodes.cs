namespace Pipeline.Dataset.Pickle;

/// <summary>
/// Names of every pickle opcode (protocols 0-5), so that a refusal says exactly what was found,
/// and the subset that would import, construct or call something: those are refused as code.
/// </summary>
internal static class PickleOpcodes
{
    public const byte Proto = 0x80;
    public const byte Frame = 0x95;
    public const byte Stop = (byte)'.';
    public const byte Unicode = (byte)'V';
    public const byte ShortBinUnicode = 0x8c;
    public const byte BinUnicode = (byte)'X';
    public const byte BinUnicode8 = 0x8d;
    public const byte Memoize = 0x94;
    public const byte Put = (byte)'p';
    public const byte BinPut = (byte)'q';
    public const byte LongBinPut = (byte)'r';
    public const byte Get = (byte)'g';
    public const byte BinGet = (byte)'h';
    public const byte LongBinGet = (byte)'j';

    private static readonly Dictionary<byte, string> Names = new()
    {
        [(byte)'('] = "MARK", [(byte)'.'] = "STOP", [(byte)'0'] = "POP", [(byte)'1'] = "POP_MARK",
        [(byte)'2'] = "DUP", [(byte)'F'] = "FLOAT", [(byte)'I'] = "INT", [(byte)'J'] = "BININT",
        [(byte)'K'] = "BININT1", [(byte)'L'] = "LONG", [(byte)'M'] = "BININT2", [(byte)'N'] = "NONE",
        [(byte)'P'] = "PERSID", [(byte)'Q'] = "BINPERSID", [(byte)'R'] = "REDUCE", [(byte)'S'] = "STRING",
        [(byte)'T'] = "BINSTRING", [(byte)'U'] = "SHORT_BINSTRING", [(byte)'V'] = "UNICODE",
        [(byte)'X'] = "BINUNICODE", [(byte)'a'] = "APPEND", [(byte)'b'] = "BUILD", [(byte)'c'] = "GLOBAL",
        [(byte)'d'] = "DICT", [(byte)'}'] = "EMPTY_DICT", [(byte)'e'] = "APPENDS", [(byte)'g'] = "GET",
        [(byte)'h'] = "BINGET", [(byte)'i'] = "INST", [(byte)'j'] = "LONG_BINGET", [(byte)'l'] = "LIST",
        [(byte)']'] = "EMPTY_LIST", [(byte)'o'] = "OBJ", [(byte)'p'] = "PUT", [(byte)'q'] = "BINPUT",
        [(byte)'r'] = "LONG_BINPUT", [(byte)'s'] = "SETITEM", [(byte)'t'] = "TUPLE", [(byte)')'] = "EMPTY_TUPLE",
        [(byte)'u'] = "SETITEMS", [(byte)'G'] = "BINFLOAT", [0x80] = "PROTO", [0x81] = "NEWOBJ",
        [0x82] = "EXT1", [0x83] = "EXT2", [0x84] = "EXT4", [0x85] = "TUPLE1", [0x86] = "TUPLE2",
        [0x87] = "TUPLE3", [0x88] = "NEWTRUE", [0x89] = "NEWFALSE", [0x8a] = "LONG1", [0x8b] = "LONG4",
        [0x8c] = "SHORT_BINUNICODE", [0x8d] = "BINUNICODE8", [0x8e] = "BINBYTES8", [0x8f] = "EMPTY_SET",
        [0x90] = "ADDITEMS", [0x91] = "FROZENSET", [0x92] = "NEWOBJ_EX", [0x93] = "STACK_GLOBAL",
        [0x94] = "MEMOIZE", [0x95] = "FRAME", [0x96] = "BYTEARRAY8", [0x97] = "NEXT_BUFFER",
        [0x98] = "READONLY_BUFFER", [(byte)'B'] = "BINBYTES", [(byte)'C'] = "SHORT_BINBYTES",
    };

    /// <summary>Opcodes that import a name, build an object or call a callable: the code-execution surface of pickle.</summary>
    private static readonly HashSet<string> ExecutesCode =
    [
        "GLOBAL", "STACK_GLOBAL", "REDUCE", "INST", "OBJ", "NEWOBJ", "NEWOBJ_EX", "BUILD",
        "EXT1", "EXT2", "EXT4", "PERSID", "BINPERSID",
    ];

    public static InvalidDataException Refuse(byte opcode, long offset)
    {
        if (!Names.TryGetValue(opcode, out var name))
        {
            return new InvalidDataException($"byte 0x{opcode:x2} at offset {offset} is not a pickle opcode: the stream is corrupt");
        }
        return ExecutesCode.Contains(name)
            ? new InvalidDataException(
                $"pickle opcode {name} at offset {offset} refused: it imports, constructs or calls Python code, and this reader never executes anything")
            : new InvalidDataException(
                $"pickle opcode {name} at offset {offset} refused: the official payload is one pickled str of JSON text, and this reader accepts nothing else");
    }
}
