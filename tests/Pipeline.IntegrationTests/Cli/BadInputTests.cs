using Pipeline.Cli;
using Pipeline.IntegrationTests.EndToEnd;
using Pipeline.TestSupport;
using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.Cli;

/// <summary>
/// Every bad input a user met (issue 15), typed into the real lcb executable: each must end with one clear line and
/// its documented exit code, quickly, and never with a stack trace.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime, IDisposable
{
    private const string Model = "qwen2.5-7b-instruct";
    private readonly string _folder = Directory.CreateTempSubdirectory("lcb-bad-input-").FullName;
    private Pipeline.Replay.ReplayServer? _replay;

    [Fact]
    public async Task Grade_names_the_file_and_line_that_is_not_json()
    {
        var generations = Path.Combine(_folder, "gen.jsonl");
        File.WriteAllText(generations, "{\"question_id\": \"abc301_a\", \"code_list\": [\"print(1)\"]}\nthis is not json\n");
        var output = await RunAsync(ExitCodes.BadInput, "grade", "--problems", LcbTestData.ProblemsFile, "--generations", generations, "--out", Path.Combine(_folder, "out"));
        Assert.Contains($"error: {generations}:2: not JSON", output);
    }

    [Fact]
    public async Task Grade_refuses_an_out_that_is_a_file_before_grading()
    {
        var file = Path.Combine(_folder, "taken");
        File.WriteAllText(file, "");
        var output = await RunAsync(ExitCodes.BadInput, "grade", "--problems", LcbTestData.ProblemsFile,
            "--generations", LcbTestData.PublicVerdictsFile(Model), "--out", file);
        Assert.Contains($"error: --out {file} is a file", output);
    }

    [Fact]
    public async Task Generate_against_a_dead_port_says_so_at_once()
    {
        var output = await RunAsync(ExitCodes.Failed, "generate", "--problems", LcbTestData.ProblemsFile, "--base-url", $"http://127.0.0.1:{FreePort.Next()}/v1",
            "--model", Model, "--out", Path.Combine(_folder, "gen.jsonl"));
        Assert.Contains("does not answer", output);
    }

    [Fact]
    public async Task Eval_of_a_model_the_server_does_not_list_starts_nothing()
    {
        var output = await RunAsync(ExitCodes.BadInput, "eval", "--model", "gpt-nope", "--base-url", _replay!.BaseUrl);
        Assert.Contains($"error: model 'gpt-nope' is not listed by {_replay.BaseUrl.TrimEnd('/')}/v1/models (it lists '{Model}')", output);
    }

    [Fact]
    public async Task Eval_with_no_broker_on_the_given_port_names_it()
    {
        var nobodyListens = FreePort.Next();
        var output = await RunAsync(ExitCodes.Failed, "eval", "--model", Model, "--base-url", _replay!.BaseUrl,
            "--rabbitmq", $"127.0.0.1:{nobodyListens}", "--connect-timeout", "3");
        Assert.Contains("error: RabbitMQ not reachable within 3 s", output);
        Assert.Contains($":{nobodyListens}", output);
    }

    [Theory]
    [InlineData("eval", "--model", "m", "--base-url", "ftp://nowhere", "--skip-model-check", "--rabbitmq", "localhost:notaport")]
    [InlineData("eval", "--model", "m", "--base-url", "ftp://nowhere")]
    [InlineData("runs", "--redis", "127.0.0.1:1")]
    [InlineData("errors", "--rabbitmq", "127.0.0.1:1")]
    public async Task Other_bad_inputs_end_in_one_line(params string[] arguments)
    {
        var output = await RunAsync(expectedExitCode: null, arguments);
        Assert.Contains("error: ", output);
    }

    /// <summary>Runs lcb; asserts it ends within two minutes (the machine may be loaded; a hang is what this catches), with <paramref name="expectedExitCode"/> (any non-zero when null) and no stack trace.</summary>
    private static async Task<string> RunAsync(int? expectedExitCode, params string[] arguments)
    {
        using var lcb = ServiceProcess.StartLcb(arguments, new Dictionary<string, string>());
        var exitCode = await lcb.WaitForExitAsync(TimeSpan.FromMinutes(2));
        var output = lcb.Output();
        Assert.True(exitCode is not null, $"lcb {string.Join(' ', arguments)} still runs after two minutes\n{output}");
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotMatch(@"\n\s+at \S+\(", output);
        if (expectedExitCode is { } expected)
        {
            Assert.True(expected == exitCode, $"exit code {exitCode}, expected {expected}\n{output}");
        }
        else
        {
            Assert.NotEqual(0, exitCode);
        }
        return output;
    }

    public async Task InitializeAsync() => _replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
    {
        Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording(Model)] },
    });

    public async Task DisposeAsync()
    {
        if (_replay is not null)
        {
            await _replay.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
