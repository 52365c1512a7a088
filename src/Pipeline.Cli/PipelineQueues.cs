using Pipeline.Dataset.Ingest;
using Pipeline.Generation;
using Pipeline.Grading;
using Pipeline.Runs;

namespace Pipeline.Cli;

/// <summary>The queues of the four services, as each library names its consumers' queues, in the order work flows.</summary>
public static class PipelineQueues
{
    public static IReadOnlyList<string> All =>
        [.. IngestRegistration.Queues, GeneratorRegistration.Queue, ExecutorRegistration.Queue, .. ScorerRegistration.Queues];

    /// <summary>How many consumers each queue has once every service is up with <paramref name="executors"/> Executors.</summary>
    public static IReadOnlyDictionary<string, long> Consumers(int executors) =>
        All.ToDictionary(queue => queue, queue => queue == ExecutorRegistration.Queue ? executors : 1L);
}
