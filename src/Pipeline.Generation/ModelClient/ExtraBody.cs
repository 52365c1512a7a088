using System.Text.Json;

namespace Pipeline.Generation.ModelClient;

/// <summary>A run's extra request fields (`--extra-body '{"reasoning_effort": "high"}'`, `"extraBody"` in the API), checked once.</summary>
public static class ExtraBody
{
    /// <exception cref="ArgumentException">not a JSON object, or it would replace a field Pipeline sets itself</exception>
    public static IReadOnlyDictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, JsonElement>();
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Check(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()))
                : throw new ArgumentException($"extra body must be a JSON object, e.g. {{\"reasoning_effort\": \"high\"}}, not {document.RootElement.ValueKind}");
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"extra body is not JSON: {error.Message}", error);
        }
    }

    /// <exception cref="ArgumentException">a field Pipeline sets itself (model, messages, n, temperature, …): use its own option</exception>
    public static IReadOnlyDictionary<string, JsonElement> Check(IReadOnlyDictionary<string, JsonElement> fields)
    {
        var own = fields.Keys.Where(SamplingRequest.OwnFields.Contains).ToList();
        return own.Count == 0
            ? fields
            : throw new ArgumentException($"extra body may not set {string.Join(", ", own)}: Pipeline sets those from the run's own options");
    }
}
