using Pipeline.Core.Problems;

namespace Pipeline.Dataset;

/// <summary>
/// One selected, fully decoded problem. <see cref="Row"/> is the row's raw JSON, valid only until the
/// reader moves on (rows are streamed, never all held). <see cref="SuiteBytes"/> is the suite's canonical JSON size.
/// </summary>
public sealed record DatasetEntry(string File, long Line, Problem Problem, TestSuite Suite, long SuiteBytes, ReadOnlyMemory<byte> Row)
{
    public IEnumerable<TestCase> PublicTests => Suite.Tests.Take(Problem.PublicTests);

    public IEnumerable<TestCase> PrivateTests => Suite.Tests.Skip(Problem.PublicTests);
}
