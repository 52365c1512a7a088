using Pipeline.Evaluations;
using Pipeline.Evaluations.Watching;
using Pipeline.Contracts;

namespace Pipeline.UnitTests.Api;

public sealed class RunOptionsTests
{
    [Fact]
    public void Defaults_are_the_official_runners_as_lcb_eval_sends_them()
    {
        var start = new RunOptions().ToTemplate().For("m", "http://h:1/v1");
        var official = new StartEvaluation { RunId = start.RunId, Model = "m", BaseUrl = "http://h:1/v1", Selection = new DatasetSelection { Release = "release_latest" } };

        Assert.Equal(official.Sampling, start.Sampling);
        Assert.Equal(official.TimeoutSeconds, start.TimeoutSeconds);
        Assert.Equal(official.Ks, start.Ks);
        Assert.Equal(official.PromptStyle, start.PromptStyle);
        Assert.Equal("release_latest", start.Selection.Release);
    }

    [Theory]
    [InlineData("selfrepair", null, "selfrepair needs codegen")]
    [InlineData("codegeneration", "run-1", "codegen is for scenario selfrepair only")]
    public void A_self_repair_names_its_code_generation_run_and_nothing_else_does(string scenario, string? codegen, string problem)
    {
        var request = new EvaluationRequest { Model = "m", BaseUrl = "http://h:1/v1", Scenario = scenario, Codegen = codegen };

        Assert.StartsWith(problem, Assert.Single(request.Problems()["codegen"]));
        Assert.Empty(new EvaluationRequest { Model = "m", BaseUrl = "http://h:1/v1", Scenario = "selfrepair", Codegen = "run-1" }.Problems());
    }

    [Fact]
    public void A_checkpoint_is_claimed_once_per_scenario_and_code_generation_keeps_its_key()
    {
        var codegen = new RunOptions().ToTemplate().For("m", "http://h:1/v1");
        var execution = new RunOptions { Scenario = "codeexecution", Cot = true }.ToTemplate().For("m", "http://h:1");

        Assert.Equal(EvaluationLauncher.ClaimKey("http://h:1/v1", "m"), EvaluationLauncher.ClaimKey(codegen));
        Assert.Equal(EvaluationLauncher.ClaimKey("http://h:1/v1", "m") + "#codeexecution (cot)", EvaluationLauncher.ClaimKey(execution));
    }

    [Fact]
    public void Every_unusable_field_is_named()
    {
        var request = new EvaluationRequest
        {
            Model = " ", BaseUrl = "ftp://x", Release = "", N = 0, Temperature = -1, TopP = 0, MaxTokens = 0, Timeout = 0, K = [0],
            PromptStyle = "poem", StartDate = new DateOnly(2024, 5, 1), EndDate = new DateOnly(2024, 4, 1), Limit = 0,
        };

        var problems = request.Problems();

        Assert.Equal(
            ["baseUrl", "endDate", "k", "limit", "maxTokens", "model", "n", "promptStyle", "release", "temperature", "timeout", "topP"],
            problems.Keys.Order(StringComparer.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => request.ToTemplate());
        Assert.Contains("promptStyle", error.Message);
    }

    [Fact]
    public void A_valid_request_has_no_problems_and_its_ks_are_sorted_once()
    {
        var request = new EvaluationRequest { Model = "m", BaseUrl = "http://127.0.0.1:8000", K = [5, 1, 5], PromptStyle = "Base" };

        Assert.Empty(request.Problems());
        var template = request.ToTemplate();
        Assert.Equal([1, 5], template.Ks);
        Assert.Equal("GenericBase", template.PromptStyle);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:45", 45_000)]
    public void Intervals_read_as_people_write_them(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), IntervalText.Parse(text));

    [Theory]
    [InlineData("soon")]
    [InlineData("0s")]
    [InlineData("-5s")]
    public void Intervals_that_are_not_positive_durations_are_refused(string text) =>
        Assert.Contains(text, Assert.Throws<ArgumentException>(() => IntervalText.Parse(text)).Message);

    [Fact]
    public void A_bad_match_pattern_is_a_clear_error() =>
        Assert.Contains("not a regular expression", Assert.Throws<ArgumentException>(() => WatchSettings.Pattern("ckpt-(")).Message);
}
