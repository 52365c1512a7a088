using Pipeline.Core.Problems;
using Pipeline.Runs;

namespace Pipeline.Runs.Export;

/// <summary>One problem of a completed run with its stored verdicts in sample order: what an official-layout export needs.</summary>
public sealed record ExportedProblem(Problem Problem, IReadOnlyList<SampleVerdict> Samples)
{
    /// <summary>Self-repair: the code-generation samples' code, written as the official original_code_list; null otherwise.</summary>
    public IReadOnlyList<string>? OriginalCodeList { get; init; }

    public IReadOnlyList<string> OutputList => Samples.Select(s => s.RawOutput).ToList();

    public IReadOnlyList<string> CodeList => Samples.Select(s => s.Code).ToList();

    public IReadOnlyList<IReadOnlyList<int>> Results => Samples.Select(s => s.Results).ToList();

    public IReadOnlyList<string> MetadataJson => Samples.Select(s => s.MetadataJson).ToList();
}
