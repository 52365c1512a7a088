using System.Text;
using System.Text.Json;

namespace Pipeline.Generation.SelfRepair;

/// <summary>
/// The official feedback on a failing sample (lcb_runner/prompts/self_repair.py, <c>get_check_prompt</c>), built from
/// the code-generation verdict's metadata. Where the official function crashes (a runtime error without the failing
/// input, the test runner's own -5, any other code or missing field), Pipeline gives the runtime-error text with the
/// fields the metadata has: docs/decisions/020.
/// </summary>
public static class RepairFeedback
{
    public static string For(string metadataJson)
    {
        using var document = JsonDocument.Parse(metadataJson);
        var metadata = document.RootElement;
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty("error_code", out var code))
        {
            return "";
        }
        var fields = new Fields(metadata);
        var official = code.TryGetInt32(out var errorCode) ? Official(errorCode, fields) : null;
        return official ?? RuntimeErrorWithWhatIsThere(fields);
    }

    /// <summary>The official text, or null where the official function would raise.</summary>
    private static string? Official(int errorCode, Fields f) => errorCode switch
    {
        -1 when f.Has("error") =>
            $"The above code is incorrect and got the following compilation error.\n{f["error"]}",
        -2 when f.Has("inputs", "output", "expected") =>
            $"The above code is incorrect and got a wrong answer.\nInput: {f["inputs"]}\nGenerated Output: {f["output"]}\nExpected: {f["expected"]}",
        -3 when f.Has("error", "inputs", "expected") =>
            $"The above code is incorrect and got time limit exceeded.\n{f["error"]}\nInput: {f["inputs"]}\nExpected: {f["expected"]}",
        -4 when f.Has("inputs", "expected", "error") =>
            $"The above code is incorrect and got a runtime error.\nInput: {f["inputs"]}\nExpected: {f["expected"]}\n{f["error"]}",
        _ => null,
    };

    private static string RuntimeErrorWithWhatIsThere(Fields f)
    {
        var message = new StringBuilder("The above code is incorrect and got a runtime error.");
        if (f.Has("inputs"))
        {
            message.Append("\nInput: ").Append(f["inputs"]);
        }
        if (f.Has("expected"))
        {
            message.Append("\nExpected: ").Append(f["expected"]);
        }
        var error = f.Has("error") ? f["error"] : f.Has("error_message") ? f["error_message"] : null;
        if (error is not null)
        {
            message.Append('\n').Append(error);
        }
        return message.ToString();
    }

    /// <summary>Metadata values as Python's f-string shows them: strings as they are (what every grader writes).</summary>
    private sealed class Fields(JsonElement metadata)
    {
        public bool Has(params string[] names) => names.All(name => metadata.TryGetProperty(name, out _));

        public string this[string name] => metadata.GetProperty(name) switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString()!,
            { ValueKind: JsonValueKind.True } => "True",
            { ValueKind: JsonValueKind.False } => "False",
            { ValueKind: JsonValueKind.Null } => "None",
            var other => other.GetRawText(),
        };
    }
}
