using NetArchTest.Rules;
using Pipeline.Grading;

namespace Pipeline.UnitTests.Layout;

/// <summary>
/// The Executor's library in one direction (docs/decisions/014): grading uses the sandbox, the sandbox (workers,
/// their protocol and channels) knows nothing of grading, its consumers or its verdict store.
/// </summary>
public sealed class GradingNamespaceTests
{
    [Fact]
    public void The_sandbox_does_not_depend_on_grading()
    {
        var grading = Types.InAssembly(typeof(SampleGrader).Assembly);
        var gradingTypes = grading.That().ResideInNamespaceMatching(@"^Pipeline\.Grading(\.Consumers|\.Verdicts)?$")
            .GetTypes().Select(type => type.FullName!).ToArray();

        var result = grading.That().ResideInNamespace("Pipeline.Grading.Sandbox")
            .ShouldNot().HaveDependencyOnAny(gradingTypes)
            .GetResult();

        Assert.NotEmpty(gradingTypes);
        Assert.True(result.IsSuccessful, "sandbox types that depend on grading: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
