using Pipeline.Generation.SelfRepair;

namespace Pipeline.UnitTests.Prompts;

public sealed class RepairFeedbackTests
{
    [Fact]
    public void A_passing_verdicts_metadata_gives_no_feedback() =>
        Assert.Equal("", RepairFeedback.For("""{"execution time": 0.01}"""));

    [Fact]
    public void Wrong_answer_time_limit_runtime_and_compilation_errors_get_the_official_texts()
    {
        Assert.Equal("The above code is incorrect and got a wrong answer.\nInput: 1 2\nGenerated Output: 4\nExpected: 3",
            RepairFeedback.For("""{"output": "4", "inputs": "1 2", "expected": "3", "error_code": -2, "error_message": "Wrong Answer"}"""));
        Assert.Equal("The above code is incorrect and got time limit exceeded.\nTimeoutException()\nInput: 1\nExpected: 2",
            RepairFeedback.For("""{"error": "TimeoutException()", "error_code": -3, "error_message": "Time Limit Exceeded", "inputs": "1", "expected": "2"}"""));
        Assert.Equal("The above code is incorrect and got a runtime error.\nInput: 1\nExpected: 2\nZeroDivisionError('division by zero')",
            RepairFeedback.For("""{"error": "ZeroDivisionError('division by zero')", "error_code": -4, "error_message": "Runtime Error", "inputs": "1", "expected": "2"}"""));
        Assert.Equal("The above code is incorrect and got the following compilation error.\nSyntaxError('x')",
            RepairFeedback.For("""{"error": "SyntaxError('x')", "error_code": -1}"""));
    }

    [Fact]
    public void Where_the_official_crashes_the_runtime_error_text_carries_what_the_metadata_has()
    {
        // -4 without the failing input: the official raises KeyError('inputs').
        Assert.Equal("The above code is incorrect and got a runtime error.\nError during testing: invalid syntax (<string>, line 3)",
            RepairFeedback.For("""{"error_code": -4, "error_message": "Error during testing: invalid syntax (<string>, line 3)"}"""));
        // -5, the official test runner's own failure: it raises NotImplementedError.
        Assert.Equal("The above code is incorrect and got a runtime error.\nIndexError('list index out of range')",
            RepairFeedback.For("""{"error": "IndexError('list index out of range')", "error_code": -5, "error_message": "TestRunnerError"}"""));
    }

    [Fact]
    public void An_official_eval_all_file_as_the_runner_writes_it_is_read()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                [
                    {"question_id": "q1", "question_content": "Q", "output_list": ["a", "b"], "code_list": ["x", "y"],
                     "graded_list": [true, false], "metadata": ["{}", "{\"error_code\": -2}"], "pass@1": 0.5}
                ]
                """);
            var problem = Assert.Single(EvalAllFile.Read(path).Problems);
            Assert.Equal(("q1", "Q", 2), (problem.QuestionId, problem.QuestionContent, problem.Samples.Count));
            Assert.Equal(new CodegenSample { Output = "b", Code = "y", Passed = false, MetadataJson = """{"error_code": -2}""" }, problem.Samples[1]);

            File.WriteAllText(path, """{"question_id": "q1", "code_list": []}""");
            var error = Assert.Throws<InvalidDataException>(() => EvalAllFile.Read(path));
            Assert.Contains(":1: no output_list", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
