namespace Pipeline.UnitTests.Layout;

/// <summary>The layout's one rule on references (docs/decisions/014), checked on the real .csproj files.</summary>
public sealed class ProjectGraphTests
{
    private static readonly ProjectGraph Graph = ProjectGraph.Read(Repository.Root);

    [Fact]
    public void No_project_references_a_host()
    {
        // A test that runs a host as a process builds it (Pipeline.IntegrationTests.csproj, target BuildHosts) instead.
        Assert.Empty(Graph.ReferencesToHosts());
    }

    [Fact]
    public void No_project_compiles_a_file_from_another_project_folder()
    {
        Assert.Empty(Graph.ForeignCompiles);
    }

    [Fact]
    public void The_graph_is_read_from_every_project_of_the_repository()
    {
        Assert.Contains("services/Api/Pipeline.Api.csproj", Graph.Projects);
        Assert.Contains("tools/Lcb/Lcb.csproj", Graph.Projects);
        Assert.Contains("bench/Pipeline.Bench/Pipeline.Bench.csproj", Graph.Projects);
        Assert.Contains(("services/Api/Pipeline.Api.csproj", "src/Pipeline.Evaluations/Pipeline.Evaluations.csproj"), Graph.References);
        Assert.Contains(("tools/Lcb/Lcb.csproj", "src/Pipeline.Cli/Pipeline.Cli.csproj"), Graph.References);
    }

    [Fact]
    public void A_reference_to_a_service_or_a_tool_is_a_violation()
    {
        var graph = Graph with { References = [("tests/Pipeline.UnitTests/Pipeline.UnitTests.csproj", "tools/Lcb/Lcb.csproj"), ("services/Api/Pipeline.Api.csproj", "services/Scorer/Pipeline.Scorer.csproj")] };

        Assert.Equal(
            ["tests/Pipeline.UnitTests/Pipeline.UnitTests.csproj -> tools/Lcb/Lcb.csproj", "services/Api/Pipeline.Api.csproj -> services/Scorer/Pipeline.Scorer.csproj"],
            graph.ReferencesToHosts());
    }
}
