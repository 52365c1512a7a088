using MassTransit;
using Pipeline.Contracts;
using Pipeline.Dataset.Ingest;

namespace Pipeline.Dataset.Consumers;

/// <summary>Answers whether a selection would start a run on the dataset this Ingest reads; stores nothing.</summary>
public sealed class CheckSelectionConsumer(SelectionCheck check) : IConsumer<CheckSelection>
{
    public Task Consume(ConsumeContext<CheckSelection> context) => context.RespondAsync(check.Check(context.Message));
}
