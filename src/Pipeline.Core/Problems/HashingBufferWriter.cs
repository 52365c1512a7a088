using System.Buffers;
using System.Security.Cryptography;

namespace Pipeline.Core.Problems;

/// <summary>
/// A buffer writer that hashes and counts what is written to it and keeps nothing but one reused buffer: the
/// canonical JSON of a suite of tens of megabytes is hashed without being held (decision 026).
/// </summary>
internal sealed class HashingBufferWriter : IBufferWriter<byte>, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = new byte[64 * 1024];

    public long Written { get; private set; }

    public void Advance(int count)
    {
        _hash.AppendData(_buffer, 0, count);
        Written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

    public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    private byte[] Buffer(int sizeHint)
    {
        if (sizeHint > _buffer.Length)
        {
            _buffer = new byte[sizeHint];
        }
        return _buffer;
    }
}
