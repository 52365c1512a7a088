using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Ingest;

public sealed class DatasetExporterTests
{
    [Fact]
    public void Export_keeps_the_released_fields_and_decodes_both_test_fields()
    {
        var source = LcbTestData.File("problems.jsonl");
        using var output = new MemoryStream();

        var written = DatasetExporter.Export(source, new DatasetSelection { Release = "release_latest" }, new DatasetReport(), output);

        var exported = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var released = File.ReadLines(source).ToList();
        Assert.Equal(343, written);
        Assert.Equal(released.Count, exported.Length);
        var row = JsonDocument.Parse(exported[released.FindIndex(l => l.Contains("\"1873_A\""))]).RootElement;
        var original = JsonDocument.Parse(released.First(l => l.Contains("\"1873_A\""))).RootElement;
        Assert.Equal(original.EnumerateObject().Select(p => p.Name), row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(original.GetProperty("question_content").GetString(), row.GetProperty("question_content").GetString());
        Assert.Equal(JsonDocument.Parse(original.GetProperty("public_test_cases").GetString()!).RootElement.GetArrayLength(),
            row.GetProperty("public_test_cases").GetArrayLength());
        var privateTests = row.GetProperty("private_test_cases");
        Assert.True(privateTests.GetArrayLength() > 0);
        Assert.All(privateTests.EnumerateArray(), t => Assert.Equal("stdin", t.GetProperty("testtype").GetString()));
    }
}
