namespace Pipeline.Runs;

/// <summary>Finds a run from what a user types: its full id or an unambiguous start of it.</summary>
public static class RunLookup
{
    public static async Task<RunRegistration> FindAsync(IRunStore store, string text, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            return await store.GetRunAsync(id, cancellationToken) ?? throw new RunNotFoundException($"no run {id}");
        }
        var prefix = text.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var matches = (await store.ListRunsAsync(cancellationToken))
            .Where(r => r.RunId.ToString("N").StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RunNotFoundException($"no run starts with '{text}' (see `lcb runs`)"),
            _ => throw new RunNotFoundException($"'{text}' matches {matches.Count} runs; give more of the id"),
        };
    }
}

/// <summary>The user named a run that is not there (or not uniquely).</summary>
public sealed class RunNotFoundException(string message) : Exception(message);
