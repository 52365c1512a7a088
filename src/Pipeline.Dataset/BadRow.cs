namespace Pipeline.Dataset;

/// <summary>A row that was skipped, and why; the rest of the dataset goes through.</summary>
public sealed record BadRow(string File, long Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
