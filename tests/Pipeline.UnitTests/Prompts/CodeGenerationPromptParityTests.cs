using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Generation.Offline;
using Pipeline.Generation.Prompts;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Prompts;

/// <summary>Every bundled problem in every style: the prompts-only row equals what the official builder produces.</summary>
public sealed class CodeGenerationPromptParityTests
{
    [Fact]
    public void Every_style_sends_the_official_prompt_for_every_bundled_problem()
    {
        var problems = DatasetReader.Read(BundledData.Problems(BundledData.Directory), new DatasetSelection { Release = "release_latest" }, new DatasetReport())
            .ToDictionary(entry => entry.Problem.QuestionId, entry => entry.Problem);
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var expected in OfficialPrompts.Read("codegeneration.official.jsonl"))
        {
            var problem = problems[expected.GetProperty("key").GetString()!];
            foreach (var style in expected.GetProperty("prompts").EnumerateObject())
            {
                var prompt = CodeGenerationPrompt.Build(OfficialPrompts.Style(style.Name), problem.QuestionContent, problem.StarterCode);
                compared++;
                if (OfficialPrompts.Digest(PromptRow.Serialize(problem.QuestionId, prompt)) != style.Value.GetString())
                {
                    mismatches.Add($"{problem.QuestionId} {style.Name}");
                }
            }
        }
        Assert.Equal(343 * PromptStyles.All.Count, compared);
        Assert.Empty(mismatches);
    }
}
