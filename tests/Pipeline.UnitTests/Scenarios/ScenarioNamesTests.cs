using Pipeline.Core.Scenarios;

namespace Pipeline.UnitTests.Scenarios;

public sealed class ScenarioNamesTests
{
    [Theory]
    [InlineData("codegeneration", Scenario.CodeGeneration)]
    [InlineData("SelfRepair", Scenario.SelfRepair)]
    [InlineData(" testoutputprediction ", Scenario.TestOutputPrediction)]
    [InlineData("codeexecution", Scenario.CodeExecution)]
    public void Official_names_parse(string name, Scenario expected) => Assert.Equal(expected, ScenarioNames.Parse(name));

    [Fact]
    public void An_unknown_name_is_refused_with_the_names_that_work()
    {
        var error = Assert.Throws<ArgumentException>(() => ScenarioNames.Parse("codegen"));
        Assert.Equal("unknown scenario 'codegen': use codegeneration, selfrepair, testoutputprediction, codeexecution", error.Message);
    }

    [Fact]
    public void Cot_belongs_to_code_execution_only()
    {
        Assert.Equal(Scenario.CodeExecution, ScenarioNames.Validate("codeexecution", cot: true));
        Assert.Throws<ArgumentException>(() => ScenarioNames.Validate("codegeneration", cot: true));
        Assert.Equal("codeexecution (cot)", ScenarioNames.Label("codeexecution", true));
    }
}
