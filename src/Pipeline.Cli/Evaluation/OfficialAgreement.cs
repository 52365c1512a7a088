using Pipeline.Runs;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// Compares a run's verdicts with the official runner's (an *.official_public_verdicts.jsonl file):
/// per-test result lists sample for sample.
/// </summary>
internal sealed record OfficialAgreement(int Compared, int Equal, int OfficialPassed, int OurPassed, IReadOnlyList<string> Mismatches)
{
    public static OfficialAgreement Of(string officialFile, IReadOnlyList<SampleVerdict> ours)
    {
        var official = OfficialSample.ReadFile(officialFile).ToLookup(sample => sample.QuestionId);
        int compared = 0, equal = 0, officialPassed = 0, ourPassed = 0;
        var mismatches = new List<string>();
        foreach (var verdict in ours)
        {
            if (official[verdict.ProblemId].FirstOrDefault(sample => sample.SampleIndex == verdict.SampleIndex) is not { } sample)
            {
                continue;
            }
            var expected = sample.Results;
            compared++;
            officialPassed += sample.Passed ? 1 : 0;
            ourPassed += verdict.Passed ? 1 : 0;
            if (expected.SequenceEqual(verdict.Results))
            {
                equal++;
            }
            else
            {
                mismatches.Add($"{verdict.ProblemId}#{verdict.SampleIndex}: official [{string.Join(",", expected)}], ours [{string.Join(",", verdict.Results)}]");
            }
        }
        return new OfficialAgreement(compared, equal, officialPassed, ourPassed, mismatches);
    }
}
