using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Evaluations.Checks;

/// <summary>Asks Ingest whether a selection would start a run; behind an interface so the checks are tested without a bus.</summary>
public interface ISelectionChecker
{
    /// <returns>Ingest's answer, or null when no Ingest answered in time (the selection is then checked when the run starts).</returns>
    Task<SelectionChecked?> CheckAsync(CheckSelection request, CancellationToken cancellationToken);
}

/// <summary>The request over the bus (MassTransit's request client, published): any Ingest on it answers.</summary>
public sealed class BusSelectionChecker(IClientFactory clients, TimeSpan timeout) : ISelectionChecker
{
    public async Task<SelectionChecked?> CheckAsync(CheckSelection request, CancellationToken cancellationToken)
    {
        try
        {
            var client = clients.CreateRequestClient<CheckSelection>(RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
            return (await client.GetResponse<SelectionChecked>(request, cancellationToken)).Message;
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
    }
}
