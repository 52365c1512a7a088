namespace Pipeline.Contracts;

/// <summary>
/// The finished code-generation run a self-repair run repairs. Its samples (answers, code, verdicts and metadata) are
/// in the codegen store under the self-repair run's id, put there by whoever started the run.
/// </summary>
public sealed record CodegenSource
{
    /// <summary>Where it came from, for people: "run {id}" or the official _eval_all file's path.</summary>
    public required string Source { get; init; }
    /// <summary>The problems it answered: the self-repair run repairs those its dataset selection holds.</summary>
    public required IReadOnlyList<string> ProblemIds { get; init; }
}
