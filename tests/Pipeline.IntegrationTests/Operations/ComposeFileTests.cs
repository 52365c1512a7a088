using System.Text.Json;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;

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

    [Fact]
    public async Task Every_service_has_a_health_check_a_restart_policy_and_limits_in_compose_and_in_the_stack()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var project = ComposeProject.Create(LcbTestData.Folder);
        var compose = YamlDocuments.Parse(await project.CheckedAsync(timeout.Token, "config")).Single().At("services")!.Value;
        // docker-compose resolves the stack file's anchors and variables as `docker stack deploy` does
        var stack = YamlDocuments.Parse(await project.CheckedAsync(timeout.Token, "-f", "docker-stack.yml", "config")).Single().At("services")!.Value;
        Assert.Equal(compose.EnumerateObject().Select(s => s.Name).Order(), stack.EnumerateObject().Select(s => s.Name).Order());
        foreach (var service in compose.EnumerateObject())
        {
            Assert.True(service.Value.At("healthcheck.test") is not null, $"compose {service.Name}: no health check");
            Assert.Equal("unless-stopped", service.Value.Text("restart"));
            Assert.NotNull(service.Value.Text("mem_limit"));
        }
        foreach (var service in stack.EnumerateObject())
        {
            Assert.True(service.Value.At("healthcheck.test") is not null, $"stack {service.Name}: no health check");
            Assert.Equal("any", service.Value.Text("deploy.restart_policy.condition"));
            Assert.NotNull(service.Value.Text("deploy.resources.limits.memory"));
            if (service.Value.Text("image") == "pipeline-service:local")
            {
                Assert.Contains("/healthz", service.Value.At("healthcheck.test")!.Value.ToString());
            }
        }
    }

    /// <summary>
    /// Ingest's datasets (code generation and both prediction scenarios) are files in the folder mounted at their
    /// directory, as `docker-compose config` and `docker stack config` resolve the two files with their defaults.
    /// </summary>
    [Fact]
    public async Task Compose_and_the_stack_point_ingest_at_dataset_files_that_exist_in_its_container()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var project = ComposeProject.Create(LcbTestData.Folder);
        var compose = await project.CheckedAsync(timeout.Token, "config");
        var stack = await Shell.RunAsync("docker", ["stack", "config", "-c", "docker-stack.yml"], ComposeProject.RepositoryRoot, project.Environment, timeout.Token);
        Assert.True(stack.ExitCode == 0, stack.ToString());
        foreach (var (file, config) in new[] { ("docker-compose.yml", compose), ("docker-stack.yml", stack.Output) })
        {
            var ingest = YamlDocuments.Parse(config).Single().At("services.ingest")!.Value;
            var mounts = ingest.At("volumes")!.Value.EnumerateArray().Select(Mount).ToList();
            foreach (var setting in new[] { "PIPELINE_Dataset__Source", "PIPELINE_Dataset__TestOutputPrediction", "PIPELINE_Dataset__CodeExecution" })
            {
                var path = ingest.Text($"environment.{setting}");
                Assert.True(path is not null, $"{file}: ingest sets no {setting}");
                var mount = mounts.SingleOrDefault(m => path.StartsWith(m.Target + "/", StringComparison.Ordinal));
                Assert.True(mount.Source is not null, $"{file}: {setting}={path} lies on no mount of ingest");
                var onHost = Path.Combine(mount.Source, path[(mount.Target.Length + 1)..]);
                Assert.True(File.Exists(onHost), $"{file}: {setting}={path}, but {onHost} does not exist");
            }
        }
    }

    /// <summary>A volume as `docker-compose config` (source:target[:mode]) or `docker stack config` (long form) writes it.</summary>
    private static (string Source, string Target) Mount(JsonElement volume) => volume.ValueKind == JsonValueKind.String
        ? (volume.GetString()!.Split(':')[0], volume.GetString()!.Split(':')[1])
        : (volume.Text("source")!, volume.Text("target")!);
}
