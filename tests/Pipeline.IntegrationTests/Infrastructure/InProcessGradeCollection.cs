namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that run `lcb grade`'s progress display in this process: Spectre.Console allows one live display per
/// console, and the console is process-wide, so these tests take turns.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessGradeCollection
{
    public const string Name = "in-process lcb grade";
}
