using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Problems;
using Pipeline.Grading.Timings;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// One request to the Python worker (harness/PROTOCOL.md): a JSON line naming the suite by its hash, followed by
/// the suite's bytes when the worker does not hold it yet (<see cref="Wire"/>).
/// </summary>
public sealed record WorkerRequest
{
    private static readonly ReadOnlyMemory<byte> Newline = "\n"u8.ToArray();

    public required string Id { get; init; }
    public required string Code { get; init; }
    public required IReadOnlyList<TestCase> Tests { get; init; }
    public string SuiteHash => SuiteBytes.Of(Tests).Hash;
    public string? FnName { get; init; }
    /// <summary>The dataset's program the checks run (code execution); null when the sample is the program.</summary>
    public string? Program { get; init; }
    /// <summary>Whole seconds: the official runner hands the timeout to signal.alarm.</summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>
    /// The request as the worker reads it, UTF-8 bytes: its line, then, <paramref name="withSuite"/>, the suite's
    /// layout in the line and its bytes after it.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Wire(bool withSuite)
    {
        var suite = SuiteBytes.Of(Tests);
        var line = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(line))
        {
            json.WriteStartObject();
            json.WriteString("id", Id);
            json.WriteString("code", Code);
            json.WriteString("fn_name", FnName);
            if (Program is not null)
            {
                json.WriteString("program", Program);
            }
            json.WriteNumber("timeout", TimeoutSeconds);
            json.WriteString("suite", suite.Hash);
            if (withSuite)
            {
                json.WritePropertyName("suite_layout");
                JsonSerializer.Serialize(json, suite.Layout);
            }
            json.WriteEndObject();
        }
        return withSuite ? [line.WrittenMemory, Newline, .. suite.Parts] : [line.WrittenMemory, Newline];
    }

    /// <summary>The official whole-sample backstop, (timeout + 1) · tests + 5 seconds.</summary>
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
    /// <summary>The worker holds no suite under the request's hash: send the request again with the suite.</summary>
    [JsonPropertyName("need_suite")] public bool NeedSuite { get; init; }
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
