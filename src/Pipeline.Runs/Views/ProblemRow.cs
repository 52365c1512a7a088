namespace Pipeline.Runs.Views;

/// <summary>One line of a run's problems table: the problem's attributes and its counts so far.</summary>
public sealed record ProblemRow
{
    public required string ProblemId { get; init; }
    public required string Difficulty { get; init; }
    public required string Platform { get; init; }
    public required DateTime ContestDate { get; init; }
    public required int Samples { get; init; }
    public required int Correct { get; init; }
    public double PassAt1 => Samples == 0 ? 0 : (double)Correct / Samples;
}
