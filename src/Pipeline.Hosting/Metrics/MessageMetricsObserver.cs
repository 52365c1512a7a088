using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Hosting.Metrics;

/// <summary>
/// Counts samples as their messages leave or are consumed, so no consumer carries metric code: a published
/// SolutionsGenerated carries generated samples (with their model latency and tokens), a published SolutionsGraded
/// graded ones (with their sandbox time), and a SolutionsGraded consumed without fault scored ones.
/// </summary>
public sealed class MessageMetricsObserver(PipelineMetrics metrics) : IPublishObserver, IConsumeObserver
{
    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        switch (context.Message)
        {
            case SolutionsGenerated generated:
                foreach (var sample in generated.Solutions)
                {
                    metrics.SampleGenerated(sample);
                }
                break;
            case SolutionsGraded graded:
                foreach (var verdict in graded.Verdicts)
                {
                    metrics.SampleGraded(verdict);
                }
                break;
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is SolutionsGraded graded)
        {
            metrics.SamplesScored(graded.Verdicts.Count);
        }
        return Task.CompletedTask;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
