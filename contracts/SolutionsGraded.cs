namespace Pipeline.Contracts;

/// <summary>Event: the official verdicts of the samples one <see cref="SolutionsGenerated"/> carried.</summary>
public sealed record SolutionsGraded
{
    public required Guid RunId { get; init; }
    public required string ProblemId { get; init; }
    public required IReadOnlyList<SolutionGraded> Verdicts { get; init; }
}
