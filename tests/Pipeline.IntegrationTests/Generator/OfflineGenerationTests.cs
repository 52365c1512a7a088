using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Generation.Cache;
using Pipeline.Generation;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Offline;
using Pipeline.Generation.Prompts;
using Pipeline.Dataset;
using Pipeline.IntegrationTests.Grading;

namespace Pipeline.IntegrationTests.Generator;

/// <summary>What `lcb generate` runs, against the replay server over HTTP, written to a real file and resumed.</summary>
public sealed class OfflineGenerationTests : IDisposable
{
    private const string Model = "qwen2.5-7b-instruct";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"generate-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public async Task Rows_hold_the_official_code_and_a_second_run_asks_the_model_nothing()
    {
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording(Model)] },
        });
        var problems = DatasetReader.Read(LcbTestData.ProblemsFile, new DatasetSelection { Release = "release_latest", Limit = 6 }, new DatasetReport())
            .Select(entry => entry.Problem).ToList();
        var settings = new OfflineGenerationSettings
        {
            BaseUrl = replay.BaseUrl + "/v1", Model = Model, Style = PromptStyle.OpenAIChat, Sampling = new SamplingSettings { N = 2 },
        };

        await RunAsync(problems.Take(4).ToList(), settings);
        await RunAsync(problems, settings);

        var rows = File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(problems.Select(p => p.QuestionId).Order(), rows.Select(r => r.GetProperty("question_id").GetString()).Order());
        foreach (var row in rows)
        {
            var recorded = Data.RecordedCode(Model, row.GetProperty("question_id").GetString()!);
            Assert.Equal([recorded[0], recorded[1 % recorded.Count]], row.GetProperty("code_list").EnumerateArray().Select(c => c.GetString()));
        }
        Assert.Equal(6, replay.Faults.Count(Pipeline.Replay.Faults.Fault.None));
    }

    public void Dispose() => File.Delete(path);

    private async Task RunAsync(IReadOnlyList<Pipeline.Core.Problems.Problem> problems, OfflineGenerationSettings settings)
    {
        var options = new ModelServerOptions { MaxRetryAttempts = 1 };
        using var services = new ServiceCollection().AddModelClient(options).BuildServiceProvider();
        var generator = new OfflineGenerator(new SampleGenerator(services.GetRequiredService<IModelClient>(), new InMemoryGenerationCache(), options));
        await using var output = GenerationOutput.Open(path);
        await generator.RunAsync(output.Pending(problems), settings, output, (_, _) => { }, default);
    }
}
