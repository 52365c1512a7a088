using Pipeline.Core.Problems;

namespace Pipeline.Dataset;

/// <summary>Decodes a selected row's tests into the suite the graders run: public tests, then private tests.</summary>
public static class ProblemDecoder
{
    public static (Problem Problem, TestSuite Suite, long SuiteBytes) Decode(RowHeader row)
    {
        var publicTests = TestCaseJson.Parse(Utf8Text.Of(row.PublicTestCases), "public_test_cases");
        var privateTests = TestCaseJson.Parse(PrivateTestsField.DecodeJsonUtf8(Utf8Text.Of(row.PrivateTestCases)), "private_test_cases");
        var suite = new TestSuite { FuncName = row.Problem.FuncName, Tests = [.. publicTests, .. privateTests] };
        var (hash, jsonBytes) = suite.Canonical();
        var problem = row.Problem with
        {
            SuiteHash = hash,
            PublicTests = publicTests.Count,
            PrivateTests = privateTests.Count,
        };
        return (problem, suite, jsonBytes);
    }
}
