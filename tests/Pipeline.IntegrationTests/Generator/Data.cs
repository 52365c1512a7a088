using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Dataset;

namespace Pipeline.IntegrationTests.Generator;

/// <summary>The bundled model recordings (tests/data/lcb/generations) and what they answered.</summary>
internal static class Data
{
    /// <summary>The official code the recorded model's answers give, by question id.</summary>
    public static IReadOnlyList<string> RecordedCode(string model, string questionId) => Recorded(model, questionId, "code_list");

    /// <summary>The recorded model's raw answers, by question id.</summary>
    public static IReadOnlyList<string> RecordedOutputs(string model, string questionId) => Recorded(model, questionId, "output_list");

    private static IReadOnlyList<string> Recorded(string model, string questionId, string field)
    {
        foreach (var line in File.ReadLines(LcbTestData.Recording(model)))
        {
            using var row = JsonDocument.Parse(line);
            if (row.RootElement.GetProperty("question_id").GetString() == questionId)
            {
                return row.RootElement.GetProperty(field).EnumerateArray().Select(value => value.GetString()!).ToList();
            }
        }
        throw new InvalidOperationException($"{questionId} is not in the {model} recording");
    }

    /// <summary>The first problem of problems.jsonl the recorded model answered.</summary>
    public static Problem AnsweredProblem(string model)
    {
        var answered = File.ReadLines(LcbTestData.Recording(model))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question_id").GetString())
            .ToHashSet();
        return DatasetReader.Read(LcbTestData.ProblemsFile, new DatasetSelection { Release = "release_latest" }, new DatasetReport())
            .Select(entry => entry.Problem)
            .First(problem => answered.Contains(problem.QuestionId));
    }
}
