using Pipeline.Core.Scenarios;
using Pipeline.Cli.Evaluation;
using Pipeline.Generation.Offline;
using Pipeline.Generation.Prompts;
using Pipeline.Generation.SelfRepair;

namespace Pipeline.UnitTests.Prompts;

/// <summary>
/// Every sample of both real official eval_all files, in every style: feedback and prompt equal the official
/// functions' (get_check_prompt, format_prompt_self_repair); where the official crashes, the pair is refused up
/// front (unsupported style) or the feedback is Pipeline's runtime-error text (decision 020).
/// </summary>
public sealed class SelfRepairPromptParityTests
{
    [Fact]
    public void Feedback_and_prompts_equal_the_official_on_every_sample_of_the_real_eval_all_files()
    {
        var runs = RepositoryFiles().ToDictionary(path => Path.GetFileName(path), path => EvalAllFile.Read(path).Problems.ToDictionary(p => p.QuestionId));
        var supported = ScenarioStyles.For(Scenario.SelfRepair);
        int failing = 0, passing = 0, fallbacks = 0, prompts = 0;
        var mismatches = new List<string>();
        foreach (var expected in OfficialPrompts.Read("selfrepair.official.jsonl"))
        {
            var key = expected.GetProperty("key").GetString()!;
            var (questionId, sample) = (key[..key.LastIndexOf('#')], int.Parse(key[(key.LastIndexOf('#') + 1)..]));
            var problem = runs[expected.GetProperty("file").GetString()!][questionId];
            if (expected.TryGetProperty("passed", out _))
            {
                passing++;
                Assert.True(problem.Samples[sample].Passed, key);
                Assert.All(supported, style => Assert.Null(RepairPlan.For(problem, style)[sample].Prompt));
                continue;
            }
            failing++;
            var officialFeedback = expected.GetProperty("feedback").GetString()!;
            var feedback = RepairFeedback.For(problem.Samples[sample].MetadataJson);
            if (officialFeedback.StartsWith("error:", StringComparison.Ordinal))
            {
                fallbacks++;
                Assert.StartsWith("The above code is incorrect and got a runtime error.\n", feedback);
            }
            else if (OfficialPrompts.TextDigest(feedback) != officialFeedback)
            {
                mismatches.Add($"{key} feedback");
            }
            foreach (var style in expected.GetProperty("prompts").EnumerateObject())
            {
                var parsed = OfficialPrompts.Style(style.Name);
                var official = style.Value.GetString()!;
                if (!supported.Contains(parsed))
                {
                    Assert.Equal("error:AttributeError", official);
                    continue;
                }
                if (official.StartsWith("error:", StringComparison.Ordinal))
                {
                    continue; // the official crashed on the feedback, checked above
                }
                prompts++;
                var prompt = RepairPlan.For(problem, parsed)[sample].Prompt!;
                if (OfficialPrompts.Digest(PromptRow.Serialize(key, prompt)) != official)
                {
                    mismatches.Add($"{key} {style.Name}");
                }
            }
        }
        Assert.Equal((1081, 854, 37), (failing, passing, fallbacks));
        Assert.Equal((1081 - 37) * supported.Count, prompts);
        Assert.Empty(mismatches);
    }

    private static string[] RepositoryFiles() =>
        Directory.GetFiles(Path.Combine(BundledData.Directory, "generations"), "*.codegeneration.eval_all.jsonl");
}
