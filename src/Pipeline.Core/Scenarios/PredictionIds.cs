using System.Globalization;

namespace Pipeline.Core.Scenarios;

/// <summary>Problem ids of the prediction datasets: "question_id/test_id" (test output prediction) and "sample_N" (code execution).</summary>
public static class PredictionIds
{
    public static string TestOutput(string questionId, long testId) => $"{questionId}/{testId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>N of an execution row's id "sample_N": the official order of code-execution rows; null for another id.</summary>
    public static long? SampleNumber(string id) =>
        id.StartsWith("sample_", StringComparison.Ordinal) && long.TryParse(id["sample_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
