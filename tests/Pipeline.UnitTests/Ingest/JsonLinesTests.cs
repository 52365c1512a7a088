using System.Text;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Ingest;

/// <summary>Rows longer than the first buffer are read whole, from a file (sized at once) or a pipe (grown).</summary>
public sealed class JsonLinesTests
{
    private static readonly string[] Rows = ["{\"a\": 1}", "{\"long\": \"" + new string('x', 3 << 20) + "\"}", "{\"b\": 2}"];

    [Fact]
    public void A_file_is_read_row_by_row()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, string.Join("\n", Rows) + "\n");
            using var file = File.OpenRead(path);

            Assert.Equal(Rows, Lines(file));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_stream_without_a_length_grows_its_buffer_to_the_longest_row()
    {
        using var pipe = new UnseekableStream(Encoding.UTF8.GetBytes(string.Join("\n", Rows)));

        Assert.Equal(Rows, Lines(pipe));
    }

    private static List<string> Lines(Stream stream) => [.. JsonLines.Read(stream).Select(line => Encoding.UTF8.GetString(line.Bytes.Span))];

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
