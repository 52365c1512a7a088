using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Problems;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Grading;

/// <summary>One line sent to the Python worker (harness/PROTOCOL.md).</summary>
public sealed record WorkerRequest
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("tests"), JsonConverter(typeof(SerializedTests))] public required IReadOnlyList<TestCase> Tests { get; init; }
    [JsonPropertyName("fn_name")] public string? FnName { get; init; }
    /// <summary>The dataset's program the checks run (code execution); null when the sample is the program.</summary>
    [JsonPropertyName("program"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Program { get; init; }
    /// <summary>Whole seconds: the official runner hands the timeout to signal.alarm.</summary>
    [JsonPropertyName("timeout")] public required int TimeoutSeconds { get; init; }

    /// <summary>The official whole-sample backstop, (timeout + 1) · tests + 5 seconds.</summary>
    [JsonIgnore]
    public TimeSpan Backstop => TimeSpan.FromSeconds((TimeoutSeconds + 1) * Tests.Count + 5);

    public static WorkerRequest From(SandboxRequest request) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Code = request.Code,
        Tests = request.Suite.Tests,
        FnName = request.Suite.FuncName,
        Program = request.Suite.Program,
        TimeoutSeconds = Math.Max(1, (int)Math.Round(request.TimeoutSeconds)),
    };
}

/// <summary>One line received from the Python worker: a verdict or a fault of ours.</summary>
public sealed record WorkerReply
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("results")] public IReadOnlyList<int>? Results { get; init; }
    [JsonPropertyName("metadata")] public JsonElement? Metadata { get; init; }
    [JsonPropertyName("fault")] public string? Fault { get; init; }
    /// <summary>The worker's own time for the sample, from its request read to its reply written.</summary>
    [JsonPropertyName("elapsed_ms")] public double? WorkerMilliseconds { get; init; }

    public SandboxOutcome ToOutcome(TimeSpan elapsed)
    {
        GradingTimings.Record("4a sample round trip (serialize, send, grade, read reply)", elapsed);
        if (WorkerMilliseconds is { } worker)
        {
            GradingTimings.Record("4b   of which the worker's own time (request parsed to reply)", TimeSpan.FromMilliseconds(worker));
        }
        return Fault is not null || Results is null
            ? SandboxOutcome.Faulted(Fault ?? "worker reply has neither results nor fault", elapsed)
            : new SandboxOutcome { Results = Results, MetadataJson = Metadata?.GetRawText() ?? "{}", Elapsed = elapsed };
    }
}
