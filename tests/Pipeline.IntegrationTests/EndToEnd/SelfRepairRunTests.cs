using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Generation.SelfRepair;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// A self-repair run through the services as separate processes, over real RabbitMQ, Redis and the sandbox: a
/// code-generation run first, then its repair started as `lcb eval --scenario selfrepair --codegen RUN` starts it
/// (samples read from the run store and put in the codegen store). The replay server answers a repair prompt with the
/// model's recorded answer to that problem, so every repaired sample must get its original verdict back, and the
/// passing samples, never sent, keep theirs.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class SelfRepairRunTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A_self_repair_of_a_finished_run_repairs_its_failing_samples_through_the_services()
    {
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions { Executors = 1 });
        var selection = new DatasetSelection { Release = "release_latest", Limit = 6 };
        var codegen = await ClusterRun.EvaluateAsync(cluster, selection);
        var original = (await cluster.Store.GetVerdictsAsync(codegen.RunId)).ToDictionary(v => v.ProblemId);
        Assert.Contains(original.Values, v => !v.Passed);
        var keys = new RedisKeys(cluster.KeyPrefix);
        var starter = new SelfRepairStart(
            new CodegenRunReader(cluster.Store, new RedisProblemStore(cluster.Redis, keys)), new RedisCodegenStore(cluster.Redis, keys));
        var template = (await cluster.Store.GetRunAsync(codegen.RunId))!.Request!;
        var repairStart = await starter.AttachAsync(template with { RunId = Guid.NewGuid(), Scenario = "selfrepair" }, codegen.RunId.ToString("N")[..8], default);

        var repair = await ClusterRun.EvaluateAsync(cluster, selection, adjust: _ => repairStart);

        var repaired = await cluster.Store.GetVerdictsAsync(repair.RunId);
        Assert.Equal(original.Keys.Order(), repaired.Select(v => v.ProblemId).Order());
        Assert.All(repaired, verdict =>
        {
            Assert.Equal(original[verdict.ProblemId].Passed, verdict.Passed);
            Assert.Equal(original[verdict.ProblemId].RawOutput, verdict.RawOutput);
        });
        var report = await cluster.Store.GetReportAsync(repair.RunId);
        Assert.Equal("selfrepair", report!.Scenario);
        log.WriteLine($"self-repair of {original.Count} samples ({original.Values.Count(v => !v.Passed)} failing) in {repair.Elapsed.TotalSeconds:F0} s");
    }
}
