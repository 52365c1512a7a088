using System.Text.Json;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Scenarios;

/// <summary>Every prompt of the bundled prediction rows equals, byte for byte, what the official format_prompt_* built (prompts.official.jsonl).</summary>
public sealed class PredictionPromptParityTests
{
    [Fact]
    public void Every_bundled_row_gets_the_official_OpenAIChat_messages()
    {
        var problems = new Dictionary<string, IReadOnlyDictionary<string, Pipeline.Core.Problems.Problem>>
        {
            ["testoutputprediction"] = ScenarioParityFiles.Problems(Scenario.TestOutputPrediction),
            ["codeexecution"] = ScenarioParityFiles.Problems(Scenario.CodeExecution),
        };
        var compared = 0;
        foreach (var line in File.ReadLines(Path.Combine(ScenarioParityFiles.Folder, "prompts.official.jsonl")))
        {
            using var official = JsonDocument.Parse(line);
            var scenario = official.RootElement.GetProperty("scenario").GetString()!;
            var cot = official.RootElement.TryGetProperty("cot", out var flag) && flag.GetBoolean();
            var problem = problems[scenario][official.RootElement.GetProperty("key").GetString()!];
            var ours = ScenarioPrompts.For(ScenarioNames.Parse(scenario), cot, PromptStyle.OpenAIChat, problem).Prompt.Messages;
            var expected = official.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => new ChatMessage(m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)).ToList();
            Assert.Equal(expected, ours);
            compared++;
        }
        Assert.Equal(129 + 40 + 12, compared);
    }

    [Theory]
    [InlineData("testoutputprediction")]
    [InlineData("codeexecution")]
    public void The_base_style_is_refused_up_front_as_the_official_runner_has_none(string scenario)
    {
        var error = Assert.Throws<UnsupportedPromptStyleException>(() => ScenarioStyles.Check(ScenarioNames.Parse(scenario), PromptStyle.GenericBase));
        Assert.Contains(scenario, error.Message);
        Assert.Contains("use one of OpenAIChat", error.Message);
    }

    [Fact]
    public void The_function_name_is_the_one_definition_in_the_starter_code()
    {
        Assert.Equal("findPeaks", TestOutputPredictionPrompt.FunctionName("def findPeaks(self, mountain: List[int]) -> List[int]:\n    pass"));
        Assert.Equal("f", TestOutputPredictionPrompt.FunctionName("class Solution:\n    def f(self, x):\n        pass"));
        Assert.Throws<InvalidDataException>(() => TestOutputPredictionPrompt.FunctionName("def a():\n    def b():\n        pass"));
    }
}
