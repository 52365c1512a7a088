namespace Pipeline.Generation.SelfRepair;

/// <summary>One sample of a finished code-generation run: the model's answer, the code taken from it, and its verdict.</summary>
public sealed record CodegenSample
{
    public required string Output { get; init; }
    public required string Code { get; init; }
    public required bool Passed { get; init; }
    /// <summary>The official metadata object of the verdict, as JSON text.</summary>
    public required string MetadataJson { get; init; }
}

/// <summary>One problem of a finished code-generation run, with the question text the self-repair prompt quotes.</summary>
public sealed record CodegenProblem
{
    public required string QuestionId { get; init; }
    public required string QuestionContent { get; init; }
    public required IReadOnlyList<CodegenSample> Samples { get; init; }
}

/// <summary>A finished code-generation run, which self-repair starts from: a Pipeline run or an official _eval_all file.</summary>
public sealed record CodegenRun
{
    /// <summary>Where it came from (a run id or a file path), for messages.</summary>
    public required string Source { get; init; }
    public required IReadOnlyList<CodegenProblem> Problems { get; init; }

    /// <summary>The selected problems this run answered, in selection order.</summary>
    public List<Core.Problems.Problem> Answered(IEnumerable<Core.Problems.Problem> selected)
    {
        var answered = Problems.Select(problem => problem.QuestionId).ToHashSet();
        return selected.Where(problem => answered.Contains(problem.QuestionId)).ToList();
    }
}
