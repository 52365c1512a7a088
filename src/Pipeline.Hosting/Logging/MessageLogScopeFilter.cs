using MassTransit;
using SerilogContext = Serilog.Context.LogContext;

namespace Pipeline.Hosting.Logging;

/// <summary>
/// Puts the consumed message's RunId, ProblemId and SampleIndex on every log line written while it is consumed
/// (the consumer's and MassTransit's), so one sample's story can be followed across services.
/// </summary>
public sealed class MessageLogScopeFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var key = MessageKey.Of(context.Message);
        if (key.IsEmpty)
        {
            await next.Send(context);
            return;
        }
        using (SerilogContext.PushProperty(nameof(MessageKey.RunId), key.RunId))
        using (SerilogContext.PushProperty(nameof(MessageKey.ProblemId), key.ProblemId))
        using (SerilogContext.PushProperty(nameof(MessageKey.SampleIndex), key.SampleIndex))
        using (SerilogContext.PushProperty(nameof(MessageKey), key.Describe()))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("messageLogScope");
}
