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
    private static readonly string[] TestTypes = ["stdin", "functional"];

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
        var testTypeText = TextElement(element, "testtype", field, index);
        var testType = TestTypes.FirstOrDefault(testTypeText.ValueEquals)
            ?? throw new InvalidDataException($"{field}[{index}].testtype {testTypeText.GetRawText()} is neither stdin nor functional");
        return new TestCase(Utf8Text.Of(TextElement(element, "input", field, index)), Utf8Text.Of(TextElement(element, "output", field, index)), testType);
    }

    private static JsonElement TextElement(JsonElement element, string key, string field, int index) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value
            : throw new InvalidDataException($"{field}[{index}] lacks a string '{key}'");
}
