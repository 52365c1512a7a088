namespace Pipeline.Contracts;

/// <summary>
/// Event: samples of one problem, ready to grade, in one message. One Executor grades them across its workers and
/// answers with one <see cref="SolutionsGraded"/>: the bus costs about the same per message whatever it carries, so
/// a message per sample made the bus a quarter of the work on quick samples (docs/decisions/028).
/// </summary>
public sealed record SolutionsGenerated
{
    public required Guid RunId { get; init; }
    public required string ProblemId { get; init; }
    public required IReadOnlyList<SolutionGenerated> Solutions { get; init; }
}
