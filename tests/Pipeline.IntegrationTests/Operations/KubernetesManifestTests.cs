using System.Text.Json;
using MassTransit;
using Pipeline.Grading.Consumers;
using Pipeline.Grading.Sandbox;
using Pipeline.Hosting.Retries;
using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// deploy/kubernetes rendered by `kubectl kustomize` (no cluster needed): every service of services/ has a workload
/// with probes on a port it declares, limits, its image and the shared settings; the KEDA ScaledObject watches the
/// queue the Executor really consumes from, named as the bus names it.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(ComposeProject.RepositoryRoot, "deploy", "kubernetes");

    [Fact]
    public async Task The_manifests_render_with_probes_limits_images_and_settings_for_every_service()
    {
        var resources = await RenderAsync();
        var workloads = resources.Where(r => r.Text("kind") is "Deployment" or "StatefulSet").ToList();
        var deployments = workloads.Where(r => r.Text("kind") == "Deployment").ToDictionary(r => r.Text("metadata.name")!);
        var services = Directory.GetDirectories(Path.Combine(ComposeProject.RepositoryRoot, "services")).Select(Path.GetFileName).ToList();
        Assert.Equal(services.Select(s => s!.ToLowerInvariant()).Order(), deployments.Keys.Order());
        Assert.Contains(workloads, w => w.Text("metadata.name") == "rabbitmq");
        Assert.Contains(workloads, w => w.Text("metadata.name") == "redis");

        var settings = resources.Single(r => r.Text("kind") == "ConfigMap");
        foreach (var workload in workloads)
        {
            var name = workload.Text("metadata.name");
            var container = Assert.Single(workload.At("spec.template.spec.containers")!.Value.EnumerateArray());
            Assert.Matches(@"^pipeline-[a-z]+:local$", container.Text("image"));
            Assert.NotNull(container.Text("resources.limits.cpu"));
            Assert.NotNull(container.Text("resources.limits.memory"));
            foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
            {
                Assert.True(container.At(probe) is not null, $"{name} has no {probe}");
            }
            if (!deployments.ContainsKey(name!))
            {
                continue;
            }
            // a .NET service: the image its folder is published into, its settings, and probes on /healthz at a port it serves
            var service = services.Single(s => s!.Equals(name, StringComparison.OrdinalIgnoreCase))!;
            Assert.Equal(name == "executor" ? "pipeline-executor:local" : "pipeline-service:local", container.Text("image"));
            Assert.Equal($"{name}/Pipeline.{service}.dll", container.At("args")!.Value[0].GetString());
            var sources = container.At("envFrom")!.Value.EnumerateArray().Select(s => s.Text("configMapRef.name") ?? s.Text("secretRef.name")).ToList();
            Assert.Contains(settings.Text("metadata.name"), sources);
            Assert.Contains("pipeline-bus", sources);
            Assert.Equal("/healthz", container.Text("readinessProbe.httpGet.path"));
            Assert.Equal("/healthz/live", container.Text("livenessProbe.httpGet.path"));
            var port = container.At("ports")!.Value.EnumerateArray().Single(p => p.Text("name") == container.Text("readinessProbe.httpGet.port"));
            Assert.Equal(name == "api" ? "8080" : settings.Text("data.PIPELINE_Health__Port"), port.Text("containerPort"));
        }
        Assert.Equal("rabbitmq", settings.Text("data.PIPELINE_Bus__Host"));
        Assert.Equal("redis:6379", settings.Text("data.PIPELINE_Redis__Configuration"));
        Assert.Contains(resources, r => r.Text("kind") == "Service" && r.Text("metadata.name") == "rabbitmq");
        Assert.Contains(resources, r => r.Text("kind") == "Service" && r.Text("metadata.name") == "redis");
    }

    [Fact]
    public async Task The_executor_grades_in_its_own_user_namespace_and_KEDA_scales_it_on_its_real_queue()
    {
        var resources = await RenderAsync();
        var executor = resources.Single(r => r.Text("kind") == "Deployment" && r.Text("metadata.name") == "executor");
        var pod = executor.At("spec.template.spec")!.Value;
        var container = pod.At("containers")!.Value[0];
        Assert.Equal("false", pod.Text("hostUsers"));
        Assert.Equal("false", pod.Text("automountServiceAccountToken"));
        Assert.Equal("Unmasked", container.Text("securityContext.procMount"));
        Assert.Equal("Unconfined", container.Text("securityContext.seccompProfile.type"));
        Assert.Contains(container.At("env")!.Value.EnumerateArray(), e => e.Text("name") == "PIPELINE_Sandbox__Backend" && e.Text("value") == "process");

        // The queue as the bus names it: the Executor's consumer definition under the kebab-case formatter PipelineHost sets.
        IConsumerDefinition definition = new SolutionGeneratedConsumerDefinition(new SandboxOptions(), new RetryOptions());
        var queue = definition.GetEndpointName(KebabCaseEndpointNameFormatter.Instance);
        var scaled = resources.Single(r => r.Text("kind") == "ScaledObject");
        Assert.Equal("executor", scaled.Text("spec.scaleTargetRef.name"));
        var trigger = scaled.At("spec.triggers")!.Value[0];
        Assert.Equal("rabbitmq", trigger.Text("type"));
        Assert.Equal(queue, trigger.Text("metadata.queueName"));
        var authentication = resources.Single(r => r.Text("kind") == "TriggerAuthentication" && r.Text("metadata.name") == trigger.Text("authenticationRef.name"));
        var secretRef = authentication.At("spec.secretTargetRef")!.Value[0];
        var secret = resources.Single(r => r.Text("kind") == "Secret" && r.Text("metadata.name") == secretRef.Text("name"));
        Assert.NotNull(secret.Text($"data.{secretRef.Text("key")}"));
    }

    private static async Task<IReadOnlyList<JsonElement>> RenderAsync() =>
        YamlDocuments.Parse(await ExternalCommand.RunAsync("kubectl", ["kustomize", Folder]));
}
