using Pipeline.Generation.Extraction;

namespace Pipeline.UnitTests.Scenarios;

/// <summary>The official extract_test_output_code / extract_execution_code took pred_list out of output_list; ours must take the same.</summary>
public sealed class PredictionExtractionParityTests
{
    [Theory]
    [InlineData("testoutput", false)]
    [InlineData("execution", false)]
    [InlineData("execution_cot", true)]
    public void Every_answer_is_extracted_as_the_official_runner_did(string set, bool cot)
    {
        var compared = 0;
        foreach (var row in ScenarioParityFiles.OfficialEvalAll(set))
        {
            var outputs = ScenarioParityFiles.Strings(row, "output_list");
            var official = ScenarioParityFiles.Strings(row, "pred_list");
            var ours = outputs.Select(output => set == "testoutput" ? PredictionExtractor.TestOutput(output) : PredictionExtractor.Execution(output, cot));
            Assert.Equal(official, ours);
            compared += outputs.Count;
        }
        Assert.True(compared >= 36, $"only {compared} answers compared");
    }

    [Theory]
    [InlineData("x\nassert f(1) == 2\nassert f(1) == 3\n", "assert f(1) == 3")]
    [InlineData("text\n```\nnot python\n```\n```python\nassert  f(1)==2\n```", "assert  f(1)==2")]
    [InlineData(" assert indented\n```\n1\n```", "1")]
    [InlineData("no fences", "")]
    public void Test_output_answers_follow_the_official_rules(string output, string expected) =>
        Assert.Equal(expected, PredictionExtractor.TestOutput(output));

    [Theory]
    [InlineData("[ANSWER]\nassert f(1) == 2\n[/ANSWER]", false, "2")]
    [InlineData("assert f(1) == 2 == 3", false, "2")]
    [InlineData("[THOUGHT] a == b [/THOUGHT]\n[ANSWER]\nassert f(1) == [1]\n[/ANSWER]", true, "[1]")]
    [InlineData("[THOUGHT] a == b [/THOUGHT]\n[ANSWER]\nassert f(1) == [1]\n[/ANSWER]", false, "b [/THOUGHT]")]
    [InlineData("  42\nmore", false, "42")]
    public void Execution_answers_follow_the_official_rules(string output, bool cot, string expected) =>
        Assert.Equal(expected, PredictionExtractor.Execution(output, cot));
}
