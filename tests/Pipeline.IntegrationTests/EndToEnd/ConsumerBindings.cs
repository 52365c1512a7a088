namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>Until every service's queue has its consumers: the bus drops what no queue is bound for.</summary>
public static class ConsumerBindings
{
    /// <summary>The queue of each service and how many consumers it has when the pipeline runs <paramref name="executors"/> Executors.</summary>
    public static IReadOnlyDictionary<string, long> Expected(int executors) => new Dictionary<string, long>
    {
        ["start-evaluation"] = 1, ["generate-solutions"] = 1, ["solution-generated"] = executors,
        ["evaluation-started"] = 1, ["solution-graded"] = 1,
    };

    /// <param name="stillStarting">throws when the pipeline cannot come up (a service exited)</param>
    public static async Task WaitAsync(IEvaluatedPipeline pipeline, int executors, TimeSpan within, Action? stillStarting = null)
    {
        var expected = Expected(executors);
        var deadline = DateTime.UtcNow + within;
        IReadOnlyDictionary<string, long> consumers = new Dictionary<string, long>();
        while (DateTime.UtcNow < deadline)
        {
            stillStarting?.Invoke();
            try
            {
                consumers = await pipeline.QueuesAsync("consumers");
            }
            catch (InvalidOperationException)
            {
                consumers = new Dictionary<string, long>(); // the broker is not up yet
            }
            if (expected.All(e => consumers.TryGetValue(e.Key, out var n) && n == e.Value))
            {
                return;
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException(
            $"the services did not bind their queues within {within}: {string.Join(", ", consumers.Select(c => $"{c.Key}={c.Value}"))}\n{await pipeline.OutputAsync()}");
    }
}
