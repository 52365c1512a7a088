namespace Pipeline.Contracts;

/// <summary>Ingest's answer to <see cref="CheckSelection"/>: how many problems the run would cover, or why it would not start.</summary>
public sealed record SelectionChecked
{
    /// <summary>Problems the selection covers (after its limit); 0 when refused.</summary>
    public required int Problems { get; init; }
    /// <summary>What is wrong, by request field (release, startDate, endDate, platforms, difficulties, limit, scenario, selection); empty when it would start.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
