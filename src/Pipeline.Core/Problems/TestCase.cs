using System.Text.Json.Serialization;

namespace Pipeline.Core.Problems;

/// <summary>
/// One check: input and expected output text, and its type: "stdin" or "functional" (an LCB test run against
/// the sample's program), "testoutput" (the sample predicts this test's output) or "execution" (the sample
/// predicts what the suite's program returns for the call in <see cref="Input"/>). See harness/prediction_checks.py.
/// </summary>
public sealed record TestCase(
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("testtype")] string TestType);
