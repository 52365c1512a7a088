using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Dataset.Ingest;

namespace Pipeline.Dataset.Consumers;

/// <summary>
/// Starts a run: stores the selected problems and suites, then announces the run and asks for solutions.
/// A redelivery stores nothing new and republishes the same keyed messages, which downstream consumers ignore.
/// </summary>
public sealed class StartEvaluationConsumer(IngestPlanner planner, ILogger<StartEvaluationConsumer> logger) : IConsumer<StartEvaluation>
{
    public async Task Consume(ConsumeContext<StartEvaluation> context)
    {
        var start = context.Message;
        var plan = await planner.PlanAsync(
            start,
            bad => logger.LogWarning("Run {RunId}: skipped bad row {File}:{Line}: {Reason}", start.RunId, bad.File, bad.Line, bad.Reason),
            context.CancellationToken);
        logger.LogInformation(
            "Run {RunId}: {Problems} problems ({NewSuites} new suites, {BadRows} bad rows) in {Elapsed}",
            start.RunId, plan.Commands.Count, plan.Summary.NewSuites, plan.Summary.Dataset.BadRows.Count, plan.Summary.Elapsed);
        await context.Publish(plan.Started, context.CancellationToken);
        await context.PublishBatch(plan.Commands, context.CancellationToken);
    }
}
