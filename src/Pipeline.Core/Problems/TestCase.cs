using System.Text;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Problems;

/// <summary>
/// One check: input and expected output text, and its type: "stdin" or "functional" (an LCB test run against
/// the sample's program), "testoutput" (the sample predicts this test's output) or "execution" (the sample
/// predicts what the suite's program returns for the call in <see cref="Input"/>). See harness/prediction_checks.py.
/// The texts are held as UTF-8, as the dataset's JSON has them and as the worker receives them: a real suite holds
/// tens of megabytes, and UTF-16 copies of it cost twice its size at every step (decision 026).
/// </summary>
[JsonConverter(typeof(TestCaseJsonConverter))]
public sealed record TestCase
{
    public TestCase(string input, string output, string testType)
        : this(Encoding.UTF8.GetBytes(input), Encoding.UTF8.GetBytes(output), testType)
    {
    }

    /// <param name="inputUtf8">valid UTF-8 (the JSON writer refuses anything else)</param>
    /// <param name="outputUtf8">valid UTF-8</param>
    public TestCase(ReadOnlyMemory<byte> inputUtf8, ReadOnlyMemory<byte> outputUtf8, string testType)
    {
        InputUtf8 = inputUtf8;
        OutputUtf8 = outputUtf8;
        TestType = testType;
    }

    public ReadOnlyMemory<byte> InputUtf8 { get; }

    public ReadOnlyMemory<byte> OutputUtf8 { get; }

    public string TestType { get; }

    /// <summary>Decoded on each use: for the few callers that need a string of a small test.</summary>
    public string Input => Encoding.UTF8.GetString(InputUtf8.Span);

    public string Output => Encoding.UTF8.GetString(OutputUtf8.Span);

    /// <summary>Equal texts, not the same memory: two suites read from two rows compare by content.</summary>
    public bool Equals(TestCase? other) =>
        other is not null && TestType == other.TestType
        && InputUtf8.Span.SequenceEqual(other.InputUtf8.Span) && OutputUtf8.Span.SequenceEqual(other.OutputUtf8.Span);

    public override int GetHashCode() => HashCode.Combine(TestType, InputUtf8.Length, OutputUtf8.Length);
}
