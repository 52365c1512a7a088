using System.Text;
using System.Text.Json;
using Pipeline.Core.Problems;

namespace Pipeline.Dataset;

/// <summary>
/// Parses a JSON array of tests as the official <c>Test(**t)</c> accepts them: exactly the keys
/// input, output and testtype, with testtype "stdin" or "functional".
/// </summary>
public static class TestCaseJson
{
    private static readonly HashSet<string> Keys = ["input", "output", "testtype"];
    private static readonly HashSet<string> TestTypes = ["stdin", "functional"];

    public static IReadOnlyList<TestCase> Parse(string json, string field) => Parse(Encoding.UTF8.GetBytes(json), field);

    public static IReadOnlyList<TestCase> Parse(ReadOnlyMemory<byte> json, string field)
    {
        using var document = ParseDocument(json, field);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{field} is JSON {document.RootElement.ValueKind}, not an array of tests");
        }
        var tests = new List<TestCase>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            tests.Add(ParseTest(element, field, tests.Count));
        }
        return tests;
    }

    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> json, string field)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{field} is not valid JSON: {exception.Message}");
        }
    }

    private static TestCase ParseTest(JsonElement element, string field, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{field}[{index}] is {element.ValueKind}, not a test object");
        }
        foreach (var property in element.EnumerateObject())
        {
            if (!Keys.Contains(property.Name))
            {
                throw new InvalidDataException($"{field}[{index}] has an unexpected key '{property.Name}'");
            }
        }
        var testType = Text(element, "testtype", field, index);
        if (!TestTypes.Contains(testType))
        {
            throw new InvalidDataException($"{field}[{index}].testtype '{testType}' is neither stdin nor functional");
        }
        return new TestCase(Text(element, "input", field, index), Text(element, "output", field, index), testType);
    }

    private static string Text(JsonElement element, string key, string field, int index) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{field}[{index}] lacks a string '{key}'");
}
