using Pipeline.Core.Scenarios;
using Pipeline.Generation.Offline;
using Pipeline.Generation.Prompts;
using Pipeline.UnitTests.Prompts;

namespace Pipeline.UnitTests.Scenarios;

/// <summary>
/// Every bundled prediction row in every style: the `lcb generate --prompts-only` row equals what the official builder
/// produced (tests/data/prompts/*.official.jsonl), and a style the official builder crashes on is refused up front.
/// </summary>
public sealed class PredictionStylesParityTests
{
    [Theory]
    [InlineData("testoutputprediction", 129)]
    [InlineData("codeexecution", 80)]
    public void Every_style_sends_the_official_prompt_or_is_refused_where_the_official_builder_crashes(string name, int items)
    {
        var scenario = ScenarioNames.Parse(name);
        var problems = ScenarioParityFiles.Problems(scenario);
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var expected in OfficialPrompts.Read($"{name}.official.jsonl"))
        {
            var key = expected.GetProperty("key").GetString()!;
            var cot = expected.TryGetProperty("cot", out var flag) && flag.GetBoolean();
            foreach (var style in expected.GetProperty("prompts").EnumerateObject())
            {
                var parsed = OfficialPrompts.Style(style.Name);
                var official = style.Value.GetString()!;
                var ours = ScenarioStyles.For(scenario).Contains(parsed)
                    ? OfficialPrompts.Digest(PromptRow.Serialize(key, ScenarioPrompts.For(scenario, cot, parsed, problems[key]).Prompt))
                    : "error:AttributeError";
                if (ours != official)
                {
                    mismatches.Add($"{key}{(cot ? " cot" : "")} {style.Name}: official {official}, ours {ours}");
                }
                compared++;
            }
        }
        Assert.Equal(items * PromptStyles.All.Count, compared);
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("testoutputprediction")]
    [InlineData("codeexecution")]
    public void A_style_the_official_builder_crashes_on_is_refused_naming_the_four_that_work(string name)
    {
        var error = Assert.Throws<UnsupportedPromptStyleException>(() => ScenarioStyles.Check(ScenarioNames.Parse(name), PromptStyle.QwQ));

        Assert.Contains("OpenAIChat, LLaMa3, DeepSeekCodeInstruct, Claude3", error.Message);
    }
}
