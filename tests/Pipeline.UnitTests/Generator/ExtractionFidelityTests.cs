using System.Text.Json;
using Pipeline.Generation.Extraction;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Generator;

/// <summary>The official runner's own extractions (code_list) are the reference: every sample must match exactly.</summary>
public sealed class ExtractionFidelityTests
{
    public static TheoryData<string> RecordingFiles() => new(LcbTestData.Recordings().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(RecordingFiles))]
    public void Extracting_every_recorded_output_gives_the_official_code(string file)
    {
        var path = Path.Combine(LcbTestData.Folder, "generations", file);
        int samples = 0;
        var mismatches = new List<string>();
        foreach (var line in File.ReadLines(path).Where(line => line.Length > 0))
        {
            using var row = JsonDocument.Parse(line);
            var outputs = row.RootElement.GetProperty("output_list").EnumerateArray().Select(e => e.GetString()!).ToList();
            var codes = row.RootElement.GetProperty("code_list").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(outputs.Count, codes.Count);
            for (var i = 0; i < outputs.Count; i++)
            {
                samples++;
                if (CodeExtractor.Extract(outputs[i], PromptStyle.OpenAIChat) != codes[i])
                {
                    mismatches.Add($"{row.RootElement.GetProperty("question_id").GetString()}[{i}]");
                }
            }
        }
        Assert.True(samples > 800, $"only {samples} samples read from {file}");
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Both_shared_recordings_are_checked()
    {
        Assert.Equal(2, LcbTestData.Recordings().Length);
    }
}
