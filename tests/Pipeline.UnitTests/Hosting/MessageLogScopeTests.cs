using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.Hosting.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Pipeline.UnitTests.Hosting;

public sealed class MessageLogScopeTests
{
    [Fact]
    public async Task A_consumer_log_line_carries_the_run_problem_and_sample_of_the_message_it_consumes()
    {
        var sink = new CapturingSink(line => line.MessageTemplate.Text == "grading");
        using var host = await StartAsync<LoggingConsumer>(sink);
        var runId = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(Sample(runId));
        var line = await sink.Consumed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        AssertKeys(line, runId);
        Assert.Equal($" [run {runId.ToString("N")[..8]} abc301_a #3]", Scalar(line, "MessageKey"));
        await host.StopAsync();
    }

    [Fact]
    public void A_message_without_a_sample_gets_the_keys_it_has()
    {
        var runId = Guid.NewGuid();
        var key = MessageKey.Of(new GenerateSolutions
        {
            RunId = runId, ProblemId = "p", SuiteHash = "h", Model = "m", BaseUrl = "http://x", PromptStyle = "chat",
            Sampling = new SamplingSettings(), TimeoutSeconds = 6,
        });
        Assert.Equal(new MessageKey(runId, "p", null), key);
        Assert.Equal($" [run {runId.ToString("N")[..8]} p]", key.Describe());
    }

    [Fact]
    public void A_message_with_no_key_describes_as_nothing()
    {
        var key = MessageKey.Of(new DatasetSelection { Release = "v6" });
        Assert.True(key.IsEmpty);
        Assert.Equal("", key.Describe());
    }

    private static void AssertKeys(LogEvent line, Guid runId)
    {
        Assert.Equal(runId.ToString(), Scalar(line, "RunId"));
        Assert.Equal("abc301_a", Scalar(line, "ProblemId"));
        Assert.Equal("3", Scalar(line, "SampleIndex"));
    }

    private static string? Scalar(LogEvent line, string property) =>
        line.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value?.ToString() : null;

    private sealed class LoggingConsumer(ILogger<LoggingConsumer> logger) : IConsumer<SolutionGenerated>
    {
        public Task Consume(ConsumeContext<SolutionGenerated> context)
        {
            logger.LogInformation("grading");
            return Task.CompletedTask;
        }
    }

    /// <summary>A bus on the in-memory transport, set up by AddPipelineBus as every service, logging through Serilog into <paramref name="sink"/>.</summary>
    private static async Task<IHost> StartAsync<TConsumer>(ILogEventSink sink) where TConsumer : class, IConsumer
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:Transport"] = "InMemory" });
        builder.Services.AddSerilog(logger => logger.Enrich.FromLogContext().WriteTo.Sink(sink));
        builder.Services.AddPipelineBus(builder.Configuration, bus => bus.AddConsumer<TConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static SolutionGenerated Sample(Guid runId) => new()
    {
        RunId = runId, ProblemId = "abc301_a", SampleIndex = 3, SuiteHash = "h", Code = "", TimeoutSeconds = 6,
    };

    /// <summary>Keeps the first log line <paramref name="wanted"/> picks.</summary>
    private sealed class CapturingSink(Func<LogEvent, bool> wanted) : ILogEventSink
    {
        public TaskCompletionSource<LogEvent> Consumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Emit(LogEvent logEvent)
        {
            if (wanted(logEvent))
            {
                Consumed.TrySetResult(logEvent);
            }
        }
    }

    [Fact]
    public async Task MassTransits_fault_line_for_a_failing_consumer_carries_the_keys_too()
    {
        var sink = new CapturingSink(line => line.Level == LogEventLevel.Error && line.MessageTemplate.Text.StartsWith("R-FAULT"));
        using var host = await StartAsync<ThrowingConsumer>(sink);
        var runId = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(Sample(runId));
        var line = await sink.Consumed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        AssertKeys(line, runId);
        await host.StopAsync();
    }

    private sealed class ThrowingConsumer : IConsumer<SolutionGenerated>
    {
        public Task Consume(ConsumeContext<SolutionGenerated> context) => throw new InvalidOperationException("the grader broke");
    }
}
