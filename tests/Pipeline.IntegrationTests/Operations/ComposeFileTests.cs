using Pipeline.IntegrationTests.Grading;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>docker-compose.yml is what `docker-compose config` accepts, with the settings the deployment promises.</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task The_compose_file_validates_and_keeps_management_append_only_and_a_scalable_docker_executor()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var project = ComposeProject.Create(LcbTestData.Folder);
        var valid = await project.RunAsync(timeout.Token, "config", "-q");
        Assert.True(valid.ExitCode == 0, valid.ToString());

        var config = await project.CheckedAsync(timeout.Token, "config");
        Assert.Contains("image: pipeline-rabbitmq:local", config);
        Assert.Contains("image: pipeline-redis:local", config);
        Assert.Contains("PIPELINE_Sandbox__Backend: docker", config);
        Assert.Contains("/var/run/docker.sock:/var/run/docker.sock", config);
        Assert.DoesNotContain("container_name", config); // a fixed name would forbid --scale executor=N
        var root = ComposeProject.RepositoryRoot;
        Assert.Contains("appendonly yes", await File.ReadAllTextAsync(Path.Combine(root, "docker/redis/redis.conf")));
        Assert.Contains("rabbitmq_management", await File.ReadAllTextAsync(Path.Combine(root, "docker/rabbitmq/enabled_plugins")));
    }
}
