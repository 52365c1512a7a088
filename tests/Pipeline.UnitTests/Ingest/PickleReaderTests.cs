using System.Text;
using Pipeline.Dataset.Pickle;

namespace Pipeline.UnitTests.Ingest;

/// <summary>Hand-made streams for what the vectors do not reach: protocol 0 escapes, memo recall, refusals.</summary>
public sealed class PickleReaderTests
{
    [Fact]
    public void Protocol_0_str_decodes_raw_unicode_escapes()
    {
        // pickle.dumps('a\\é\n😀', protocol=0) == b'Va\\u005c\xe9\\u000a\\U0001f600\np0\n.'
        byte[] pickle = [.. "Va\\u005c"u8, 0xE9, .. "\\u000a\\U0001f600\np0\n."u8];

        Assert.Equal("a\\é\n😀", PickleReader.ReadString(pickle));
    }

    [Fact]
    public void A_memoized_str_can_be_recalled()
    {
        // "hi", MEMOIZE (key 0), "yo", BINGET 0, STOP: the result is the recalled "hi", not the later "yo"
        byte[] pickle = [0x80, 0x04, 0x8c, 0x02, .. "hi"u8, 0x94, 0x8c, 0x02, .. "yo"u8, 0x68, 0x00, (byte)'.'];

        Assert.Equal("hi", PickleReader.ReadString(pickle));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x04, 0x8c, 0x01, 0x6f, 0x8c, 0x01, 0x73, 0x93, 0x29, 0x52, 0x2e }, "STACK_GLOBAL")]
    [InlineData(new byte[] { 0x63, 0x6f, 0x73, 0x0a, 0x73, 0x79, 0x73, 0x74, 0x65, 0x6d, 0x0a, 0x2e }, "GLOBAL")]
    [InlineData(new byte[] { 0x80, 0x02, 0x28, 0x69, 0x6f, 0x73, 0x0a, 0x73, 0x0a, 0x2e }, "MARK")]
    public void Opcodes_that_run_code_or_build_objects_are_refused(byte[] pickle, string opcode)
    {
        var refusal = Assert.Throws<InvalidDataException>(() => PickleReader.ReadString(pickle));

        Assert.Contains(opcode, refusal.Message);
    }

    [Fact]
    public void Building_with_GLOBAL_is_called_code_execution()
    {
        var refusal = Assert.Throws<InvalidDataException>(() => PickleReader.ReadString("cos\nsystem\n."u8.ToArray()));

        Assert.Contains("never executes anything", refusal.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x06, 0x2e }, "protocol 6")]
    [InlineData(new byte[] { 0x80, 0x04, 0x58, 0xff, 0x00, 0x00, 0x00, 0x61 }, "truncated")]
    [InlineData(new byte[] { 0x80, 0x04, 0x8c, 0x01, 0x61 }, "truncated")]
    [InlineData(new byte[] { 0x80, 0x04, 0x2e }, "empty")]
    [InlineData(new byte[] { 0x80, 0x04, 0x68, 0x03, 0x2e }, "memo key 3")]
    [InlineData(new byte[] { 0x80, 0x04, 0x8c, 0x01, 0xff, 0x2e }, "UTF-8")]
    [InlineData(new byte[] { 0xff }, "not a pickle opcode")]
    public void Malformed_streams_are_refused_with_the_reason(byte[] pickle, string reason)
    {
        var refusal = Assert.Throws<InvalidDataException>(() => PickleReader.ReadString(pickle));

        Assert.Contains(reason, refusal.Message);
    }

    [Fact]
    public void A_framed_binunicode8_str_is_read_whole()
    {
        var text = new string('x', 70_000);
        var utf8 = Encoding.UTF8.GetBytes(text);
        byte[] pickle = [0x80, 0x05, 0x95, 9, 0, 0, 0, 0, 0, 0, 0, 0x8d, .. BitConverter.GetBytes((ulong)utf8.Length), .. utf8, 0x94, (byte)'.'];

        Assert.Equal(text, PickleReader.ReadString(pickle));
    }
}
