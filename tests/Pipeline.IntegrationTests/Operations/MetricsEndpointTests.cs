using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.Hosting.Metrics;
using Pipeline.IntegrationTests.Api;
using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// A process set up as every service is (AddPipelineMetrics, the bus on real RabbitMQ) serves Prometheus text on
/// Metrics:Port, and its counters move when a sample is generated, graded and scored through the broker.
/// </summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Scraping_metrics_after_a_sample_flows_shows_it_generated_graded_scored_and_the_queue_depth()
    {
        await using var vhost = await RabbitBroker.Shared.CreateTestVirtualHostAsync("metrics");
        var port = FreePort.Next();
        var scored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Servers.BusSettings(vhost.Name))
        {
            ["Metrics:Port"] = port.ToString(),
        });
        builder.Services.AddSingleton(scored);
        builder.Services.AddPipelineMetrics(builder.Configuration, "metrics-test");
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddConsumer<GradingProbe>().Endpoint(e => e.Name = "grading-probe");
            bus.AddConsumer<ScoringProbe>().Endpoint(e => e.Name = "scoring-probe");
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var before = await http.GetStringAsync("metrics");
            Assert.Equal(0, Value(before, "pipeline_samples_generated_total"));

            // Two samples in one message: each is counted.
            var runId = Guid.NewGuid();
            await host.Services.GetRequiredService<IBus>().Publish(new SolutionsGenerated
            {
                RunId = runId, ProblemId = "p1", Solutions = [.. Enumerable.Range(0, 2).Select(index => new SolutionGenerated
                {
                    RunId = runId, ProblemId = "p1", SampleIndex = index, SuiteHash = "h", Code = "print(1)", TimeoutSeconds = 6,
                    PromptTokens = 120, CompletionTokens = 30, LatencyMs = 250,
                })],
            });
            await scored.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // The exporter caches a scrape briefly and the depth is read every few seconds: poll until both show.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            var after = "";
            while (DateTime.UtcNow < deadline)
            {
                after = await http.GetStringAsync("metrics");
                if (Value(after, "pipeline_samples_scored_total") == 2 && after.Contains("queue=\"grading-probe\""))
                {
                    break;
                }
                await Task.Delay(500);
            }
            Assert.True(Value(after, "pipeline_samples_generated_total") == 2, after);
            Assert.Equal(2, Value(after, "pipeline_samples_graded_total"));
            Assert.Equal(2, Value(after, "pipeline_samples_scored_total"));
            Assert.Equal(300, Value(after, "pipeline_model_tokens_total"));
            Assert.Equal(2, Value(after, "pipeline_sandbox_duration_seconds_count"));
            // Buckets in seconds, as samples take: 0.05 s … 120 s, not the default millisecond-sized ones.
            Assert.Contains("pipeline_sandbox_duration_seconds_bucket{", after);
            Assert.Matches("pipeline_sandbox_duration_seconds_bucket\\{[^}]*le=\"0.05\"", after);
            Assert.Matches("pipeline_sandbox_duration_seconds_bucket\\{[^}]*le=\"120(\\.0)?\"", after);
            Assert.DoesNotMatch("pipeline_sandbox_duration_seconds_bucket\\{[^}]*le=\"7500\"", after);
            Assert.Equal(0.5, Value(after, "pipeline_model_latency_seconds_sum"), 6);
            Assert.Matches("pipeline_queue_depth\\{[^}]*queue=\"grading-probe\"[^}]*\\} 0", after);
            Assert.Contains("queue=\"scoring-probe_error\"", after);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>The sum of every series of a metric (all label sets), 0 when the metric is not exported yet.</summary>
    private static double Value(string scrape, string metric) =>
        Regex.Matches(scrape, $"^{metric}(?:\\{{[^}}]*\\}})? (\\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));


    /// <summary>Stands in for the Executor: generated samples in, their verdicts published.</summary>
    private sealed class GradingProbe : IConsumer<SolutionsGenerated>
    {
        public Task Consume(ConsumeContext<SolutionsGenerated> context) => context.Publish(new SolutionsGraded
        {
            RunId = context.Message.RunId, ProblemId = context.Message.ProblemId,
            Verdicts = [.. context.Message.Solutions.Select(sample => new SolutionGraded
            {
                RunId = sample.RunId, ProblemId = sample.ProblemId, SampleIndex = sample.SampleIndex,
                Results = [1], Passed = true, MetadataJson = "{}", GradingMs = 40,
            })],
        });
    }

    /// <summary>Stands in for the Scorer.</summary>
    private sealed class ScoringProbe(TaskCompletionSource scored) : IConsumer<SolutionsGraded>
    {
        public Task Consume(ConsumeContext<SolutionsGraded> context)
        {
            scored.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
