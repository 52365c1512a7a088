using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Hosting.Metrics;

/// <summary>
/// Counts samples as their messages leave or are consumed, so no consumer carries metric code: a published
/// SolutionGenerated is a generated sample (with its model latency and tokens), a published SolutionGraded a
/// graded one (with its sandbox time), and a SolutionGraded consumed without fault a scored one.
/// </summary>
public sealed class MessageMetricsObserver(PipelineMetrics metrics) : IPublishObserver, IConsumeObserver
{
    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        switch (context.Message)
        {
            case SolutionGenerated sample:
                metrics.SampleGenerated(sample);
                break;
            case SolutionGraded verdict:
                metrics.SampleGraded(verdict);
                break;
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is SolutionGraded)
        {
            metrics.SampleScored();
        }
        return Task.CompletedTask;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
