using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Prompts;

public sealed class PromptStyleTests
{
    [Theory]
    [InlineData("OpenAIChat", PromptStyle.OpenAIChat)]
    [InlineData("chat", PromptStyle.OpenAIChat)]
    [InlineData(" Base ", PromptStyle.GenericBase)]
    [InlineData("deepseekr1", PromptStyle.DeepSeekR1)]
    [InlineData("LLaMa3", PromptStyle.LLaMa3)]
    public void Official_names_and_the_old_aliases_are_read(string name, PromptStyle expected) =>
        Assert.Equal(expected, PromptStyles.Parse(name));

    [Theory]
    [InlineData("instruct")]
    [InlineData("3")]
    [InlineData("Gemini")]
    public void Unknown_styles_are_refused_naming_the_ones_served(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => PromptStyles.Parse(name));
        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("OpenAIChat, GenericBase, OpenAIReason, DeepSeekR1, CodeQwenInstruct, QwQ, LLaMa3, DeepSeekCodeInstruct, Claude3", error.Message);
    }

    [Fact]
    public void Styles_the_official_sends_as_chat_messages_are_sent_as_messages()
    {
        var chat = PromptStyles.All.Where(style => style.SendsMessages()).ToList();
        Assert.Equal([PromptStyle.OpenAIChat, PromptStyle.OpenAIReason, PromptStyle.LLaMa3, PromptStyle.Claude3], chat);
    }

    [Fact]
    public void A_scenario_style_pair_the_official_runner_fails_on_is_refused_naming_the_styles_that_work()
    {
        var error = Assert.Throws<UnsupportedPromptStyleException>(() => ScenarioStyles.Require(Scenario.SelfRepair, "DeepSeekR1"));
        Assert.Equal(
            "prompt style DeepSeekR1 is not supported for selfrepair: the official runner has no prompt for it there; use one of OpenAIChat, LLaMa3, DeepSeekCodeInstruct, Claude3",
            error.Message);
        Assert.Equal(PromptStyle.DeepSeekR1, ScenarioStyles.Require(Scenario.CodeGeneration, "DeepSeekR1"));
        Assert.Equal(PromptStyle.OpenAIChat, ScenarioStyles.Require(Scenario.SelfRepair, "chat"));
        Assert.Throws<UnsupportedPromptStyleException>(() => ScenarioStyles.Require(Scenario.SelfRepair, "base"));
    }

    [Fact]
    public void Two_styles_that_send_the_same_request_share_cached_answers_and_others_do_not()
    {
        var chat = CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Q", "");
        Assert.Equal(chat.Hash, CodeGenerationPrompt.Build(PromptStyle.LLaMa3, "Q", "").Hash);
        Assert.NotEqual(chat.Hash, CodeGenerationPrompt.Build(PromptStyle.Claude3, "Q", "").Hash);
        Assert.NotEqual(chat.Hash, CodeGenerationPrompt.Build(PromptStyle.OpenAIReason, "Q", "").Hash);
    }
}
