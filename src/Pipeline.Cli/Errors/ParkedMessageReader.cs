using System.Text;
using System.Text.Json;

namespace Pipeline.Cli.Errors;

/// <summary>Reads a parked message's key and reason from its body and headers; never throws on a malformed body.</summary>
public static class ParkedMessageReader
{
    public const string FaultHeaderPrefix = "MT-Fault-";
    public const string ReasonHeader = "MT-Reason";

    public static ParkedMessage Read(string queue, ReadOnlySpan<byte> body, IDictionary<string, object?>? headers)
    {
        var envelope = Envelope(body);
        var message = envelope is { } e && Property(e, "message") is { ValueKind: JsonValueKind.Object } inner ? inner : (JsonElement?)null;
        return new ParkedMessage
        {
            Queue = queue,
            MessageType = envelope is { } env ? MessageType(env) : null,
            RunId = message is { } m && Property(m, "runId")?.TryGetGuid(out var run) == true ? run : null,
            ProblemId = message is { } p && Property(p, "problemId") is { ValueKind: JsonValueKind.String } problem ? problem.GetString() : null,
            Samples = message is { } s ? Samples(s) : null,
            Reason = Reason(headers, envelope is null),
            Retries = Retries(headers),
        };
    }

    private static string Reason(IDictionary<string, object?>? headers, bool unreadableBody)
    {
        var type = Header(headers, FaultHeaderPrefix + "ExceptionType");
        var text = Header(headers, FaultHeaderPrefix + "Message");
        var reason = (type, text) switch
        {
            (not null, not null) => $"{ShortTypeName(type)}: {text}",
            (not null, null) => ShortTypeName(type),
            (null, not null) => text,
            _ => Header(headers, ReasonHeader) is { } why ? $"{why} (no exception recorded)" : "no reason recorded",
        };
        return unreadableBody ? $"{reason} [body is not a JSON envelope]" : reason;
    }

    /// <summary>MassTransit writes MT-Fault-RetryCount only after a retry: a fault without it was parked at the first attempt.</summary>
    private static int? Retries(IDictionary<string, object?>? headers) =>
        int.TryParse(Header(headers, FaultHeaderPrefix + "RetryCount"), out var retries) ? retries
        : Header(headers, FaultHeaderPrefix + "ExceptionType") is not null ? 0
        : null;

    /// <summary>A message of several samples (SolutionsGenerated, SolutionsGraded) lists them; a hand-made one may carry one.</summary>
    private static string? Samples(JsonElement message)
    {
        List<int> samples = (Property(message, "solutions") ?? Property(message, "verdicts")) is { ValueKind: JsonValueKind.Array } list
            ? [.. list.EnumerateArray().Select(SampleIndex).OfType<int>()]
            : SampleIndex(message) is { } one ? [one] : [];
        return samples.Count switch
        {
            0 => null,
            1 => samples[0].ToString(),
            _ when samples.Zip(samples.Skip(1)).All(pair => pair.Second == pair.First + 1) => $"{samples[0]}-{samples[^1]}",
            _ => string.Join(',', samples),
        };
    }

    private static int? SampleIndex(JsonElement sample) =>
        sample.ValueKind == JsonValueKind.Object && Property(sample, "sampleIndex") is { ValueKind: JsonValueKind.Number } index
            && index.TryGetInt32(out var value) ? value : null;

    private static string ShortTypeName(string type) => type[(type.LastIndexOf('.') + 1)..];

    private static JsonElement? Envelope(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonElement.ParseValue(ref reader) is { ValueKind: JsonValueKind.Object } root ? root : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>MassTransit lists the message's types as URNs, most derived first: "urn:message:Pipeline.Contracts:GenerateSolutions".</summary>
    private static string? MessageType(JsonElement envelope) =>
        Property(envelope, "messageType") is { ValueKind: JsonValueKind.Array } types && types.GetArrayLength() > 0
            && types[0].GetString() is { } urn
            ? urn[(urn.LastIndexOf(':') + 1)..]
            : null;

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    public static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            }
            : null;
}
