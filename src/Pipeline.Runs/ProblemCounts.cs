namespace Pipeline.Runs;

/// <summary>
/// Per problem: samples graded (n), samples passed (c), the inputs of pass@k, and samples graded with no result at all
/// (a code-execution answer containing the call is skipped, as the official evaluate_score does).
/// </summary>
public readonly record struct ProblemCounts(int Samples, int Correct, int Skipped = 0);
