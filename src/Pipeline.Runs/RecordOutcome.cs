namespace Pipeline.Runs;

/// <summary>Result of recording one verdict: whether it was new, and how many distinct samples the run holds now.</summary>
public readonly record struct RecordOutcome(bool Recorded, long Graded);
