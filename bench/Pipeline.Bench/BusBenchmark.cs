using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Hosting;

namespace Pipeline.Bench;

/// <summary>
/// What the bus alone costs per sample when a message carries one sample or several: each sample makes the pipeline's
/// two hops (generated, to an executor-like endpoint that takes two messages at a time as an Executor with two workers
/// does; graded, to a scorer-like endpoint) over real RabbitMQ with Pipeline's bus settings, with no grading and no
/// stores. It measures what the samples a message carries save (docs/decisions/028).
/// </summary>
internal sealed class BusBenchmark : IBenchmark
{
    public string Name => "bus";
    public string Description => "--samples 6000 --per-message 1,10 (CPU per sample of the bus alone, with one or several samples per message)";

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var samples = (int)arguments.Get("samples", 6000);
        var sizes = (arguments.Get("per-message") ?? "1,10").Split(',').Select(int.Parse).ToList();
        await using var servers = await BrokerAndRedis.CreateAsync();
        var scored = new ScoredSamples();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(servers.Settings);
        builder.Services.AddSingleton(scored);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddConsumer<GradeConsumer, GradeConsumerDefinition>();
            bus.AddConsumer<ScoreConsumer>();
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            Console.WriteLine($"bus: {samples} samples a pass, each published generated, graded and scored over RabbitMQ; " +
                "no grading, no stores; a warm-up pass of a fifth first");
            foreach (var size in sizes)
            {
                await PassAsync(bus, scored, samples / 5, size);
                var (seconds, used) = await PassAsync(bus, scored, samples, size);
                Console.WriteLine($"  {size,3} sample(s) per message: {samples / seconds,7:F0} samples/s, {2.0 / size:F2} messages per sample; " +
                    used.PerSample(samples));
            }
        }
        finally
        {
            await host.StopAsync();
        }
        return 0;
    }

    private static async Task<(double Seconds, ProcessorTime Used)> PassAsync(IBus bus, ScoredSamples scored, int samples, int size)
    {
        var done = scored.Expect(samples);
        var clock = Stopwatch.StartNew();
        var cpu = ProcessorTime.Now();
        var runId = Guid.NewGuid();
        var messages = Enumerable.Range(0, (samples + size - 1) / size).Select(problem => new SolutionsGenerated
        {
            RunId = runId, ProblemId = $"p{problem}", Solutions = Enumerable.Range(0, Math.Min(size, samples - problem * size)).Select(index => new SolutionGenerated
            {
                RunId = runId, ProblemId = $"p{problem}", SampleIndex = index, SuiteHash = "bench", Code = "print(0)",
                RawOutput = "```python\nprint(0)\n```", TimeoutSeconds = 6,
            }).ToList(),
        });
        // As a Generator does, a problem's samples at a time: never the whole run in one batch.
        foreach (var chunk in messages.Chunk(Math.Max(1, 10 / size)))
        {
            await bus.PublishBatch(chunk);
        }
        await done.WaitAsync(TimeSpan.FromMinutes(5));
        return (clock.Elapsed.TotalSeconds, ProcessorTime.Now() - cpu);
    }

    private sealed class GradeConsumer : IConsumer<SolutionsGenerated>
    {
        public Task Consume(ConsumeContext<SolutionsGenerated> context) => context.Publish(new SolutionsGraded
        {
            RunId = context.Message.RunId, ProblemId = context.Message.ProblemId,
            Verdicts = context.Message.Solutions.Select(sample => new SolutionGraded
            {
                RunId = sample.RunId, ProblemId = sample.ProblemId, SampleIndex = sample.SampleIndex, Results = [0],
                Passed = false, MetadataJson = """{"error_code": -2}""", Code = sample.Code, RawOutput = sample.RawOutput,
            }).ToList(),
        }, context.CancellationToken);
    }

    private sealed class GradeConsumerDefinition : ConsumerDefinition<GradeConsumer>
    {
        public GradeConsumerDefinition()
        {
            ConcurrentMessageLimit = 2;
            Endpoint(endpoint => endpoint.PrefetchCount = 2);
        }
    }

    private sealed class ScoreConsumer(ScoredSamples scored) : IConsumer<SolutionsGraded>
    {
        public Task Consume(ConsumeContext<SolutionsGraded> context)
        {
            scored.Add(context.Message.Verdicts.Count);
            return Task.CompletedTask;
        }
    }

    private sealed class ScoredSamples
    {
        private TaskCompletionSource _done = new();
        private int _remaining;

        public Task Expect(int samples)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _remaining, samples);
            return _done.Task;
        }

        public void Add(int samples)
        {
            if (Interlocked.Add(ref _remaining, -samples) <= 0)
            {
                _done.TrySetResult();
            }
        }
    }
}
