namespace Pipeline.Contracts;

/// <summary>One problem of a run with the attributes results are broken down by: Ingest sends them, the Scorer keeps them.</summary>
public sealed record RunProblem
{
    public required string ProblemId { get; init; }
    public required string Difficulty { get; init; }
    public required string Platform { get; init; }
    public required DateTime ContestDate { get; init; }

    /// <summary>The contest month, "yyyy-MM", the official leaderboard's time axis.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ContestMonth => ContestDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
