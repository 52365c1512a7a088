namespace Pipeline.Runs;

/// <summary>Per problem: samples graded (n) and samples passed (c), the inputs of pass@k.</summary>
public readonly record struct ProblemCounts(int Samples, int Correct);
