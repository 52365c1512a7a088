using System.Text.Json;

namespace Pipeline.Contracts;

/// <summary>How one run talks to its model server, beyond the Generator's own configuration (section ModelServer).</summary>
public sealed record ModelServerSettings
{
    /// <summary>This run's bearer token; null: the Generator's ModelServer:ApiKey. Never recorded with the run nor printed.</summary>
    public string? ApiKey { get; init; }
    /// <summary>One request's time limit (long reasoning takes more than 5 minutes); null: the Generator's ModelServer:AttemptTimeout.</summary>
    public double? RequestTimeoutSeconds { get; init; }
    /// <summary>Fields added to every completion request's body as given, e.g. reasoning_effort or chat_template_kwargs.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtraBody { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// Recorded with the run: it was started with its own key, which is not kept, so an extension must be given a key again
    /// (falling back to the Generator's own key could run it against another account).
    /// </summary>
    public bool HadOwnApiKey { get; init; }

    /// <summary>As recorded with the run and shown: everything but the key, and whether there was one.</summary>
    public ModelServerSettings WithoutApiKey() => this with { ApiKey = null, HadOwnApiKey = HadOwnApiKey || ApiKey is not null };

    /// <summary>Never the key itself, should a record holding this be logged.</summary>
    public override string ToString() =>
        $"ModelServerSettings {{ ApiKey = {(ApiKey is null ? "unset" : "set")}, RequestTimeoutSeconds = {RequestTimeoutSeconds}, ExtraBody = {JsonSerializer.Serialize(ExtraBody)} }}";
}
