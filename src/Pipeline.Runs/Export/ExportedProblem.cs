using Pipeline.Core.Problems;
using Pipeline.Runs;

namespace Pipeline.Runs.Export;

/// <summary>One problem of a completed run with its stored verdicts in sample order: what an official-layout export needs.</summary>
public sealed record ExportedProblem(Problem Problem, IReadOnlyList<SampleVerdict> Samples)
{
    public IReadOnlyList<string> OutputList => Samples.Select(s => s.RawOutput).ToList();

    public IReadOnlyList<string> CodeList => Samples.Select(s => s.Code).ToList();

    public IReadOnlyList<IReadOnlyList<int>> Results => Samples.Select(s => s.Results).ToList();

    public IReadOnlyList<string> MetadataJson => Samples.Select(s => s.MetadataJson).ToList();
}
