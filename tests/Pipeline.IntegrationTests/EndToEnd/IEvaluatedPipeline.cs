using Microsoft.Extensions.Configuration;
using Pipeline.Runs;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// A running Pipeline a test evaluates on and checks, whatever runs it: processes on this machine
/// (<see cref="PipelineCluster"/>) or a Docker Swarm stack (Operations/SwarmStack).
/// </summary>
public interface IEvaluatedPipeline
{
    /// <summary>Where the services reach the recorded model.</summary>
    string ModelBaseUrl { get; }

    /// <summary>The Scorer's run state, read as `lcb eval --wait` reads it.</summary>
    IRunStore Store { get; }

    /// <summary>The Bus section `lcb eval` reads.</summary>
    IConfiguration BusConfiguration();

    /// <summary>Queue name to the value of one column (consumers, messages) on the pipeline's broker.</summary>
    Task<IReadOnlyDictionary<string, long>> QueuesAsync(string column);

    /// <summary>What the services printed, for failure messages.</summary>
    Task<string> OutputAsync();
}
