using System.Collections.Concurrent;

namespace Pipeline.Replay.Recordings;

/// <summary>
/// One served model: its recorded problems, found by question text, and how many answers each has given,
/// so that successive samples walk output_list (sample i gets output_list[i], cycling).
/// </summary>
public sealed class ReplayModel
{
    private readonly Dictionary<string, RecordedProblem> _byContent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _served = new();

    public ReplayModel(string name, IEnumerable<RecordedProblem> problems)
    {
        Name = name;
        foreach (var problem in problems)
        {
            _byContent.TryAdd(problem.QuestionContent, problem);
        }
    }

    public string Name { get; }

    public int ProblemCount => _byContent.Count;

    /// <summary>How many answers each problem has given so far, by question id (a snapshot).</summary>
    public IReadOnlyDictionary<string, int> Served => new Dictionary<string, int>(_served);

    public RecordedProblem? Recognise(string prompt)
    {
        var question = PromptQuestion.Extract(prompt);
        if (question is not null && _byContent.TryGetValue(question, out var exact))
        {
            return exact;
        }
        // A prompt in another template still quotes the question: take the longest recorded question it contains.
        return _byContent.Values.Where(problem => prompt.Contains(problem.QuestionContent, StringComparison.Ordinal))
            .MaxBy(problem => problem.QuestionContent.Length);
    }

    public IReadOnlyList<string> NextOutputs(RecordedProblem problem, int n)
    {
        var first = _served.AddOrUpdate(problem.QuestionId, n, (_, count) => count + n) - n;
        return Enumerable.Range(first, n).Select(i => problem.Outputs[i % problem.Outputs.Count]).ToList();
    }
}
