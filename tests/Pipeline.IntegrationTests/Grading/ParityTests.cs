using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.Json;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Grading;

/// <summary>
/// The fidelity target: every sample of the shared corpus graded through the real SampleGrader and the
/// bubblewrap backend gets the official per-test results, passed flag and metadata (except the
/// measured "execution time").
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class ParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("o1-mini")]
    [InlineData("qwen2.5-7b-instruct")]
    public async Task Every_sample_gets_the_official_verdict(string model)
    {
        var suites = LcbTestData.Suites();
        var samples = LcbTestData.OfficialVerdicts(model).ToList();
        await using var sandbox = SandboxFactory.Create(new SandboxOptions { Workers = 2 });
        var grader = new SampleGrader(sandbox);
        var mismatches = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(samples, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (sample, ct) =>
        {
            var outcome = await grader.GradeAsync(sample.Code, suites[sample.QuestionId], SampleGrader.DefaultTimeoutSeconds, ct);
            var ours = JsonNode.Parse(outcome.MetadataJson)!.AsObject();
            var official = JsonNode.Parse(sample.Metadata.ValueKind == JsonValueKind.String ? sample.Metadata.GetString()! : sample.Metadata.GetRawText())!.AsObject();
            ours.Remove("execution time");
            official.Remove("execution time");
            if (!outcome.Results.SequenceEqual(sample.Results) || outcome.Passed != sample.Passed || !JsonNode.DeepEquals(ours, official))
            {
                mismatches.Add($"{sample.QuestionId}#{sample.SampleIndex}: official [{string.Join(",", sample.Results)}] {official.ToJsonString()} " +
                               $"ours [{string.Join(",", outcome.Results)}] {ours.ToJsonString()}");
            }
        });

        output.WriteLine($"{model}: {samples.Count - mismatches.Count}/{samples.Count} samples agree");
        Assert.True(mismatches.IsEmpty, string.Join("\n", mismatches));
        Assert.True(samples.Count > 100, "the corpus should hold the shared verdicts");
    }
}
