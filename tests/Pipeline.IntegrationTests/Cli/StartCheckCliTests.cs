using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli;
using Pipeline.Dataset.Consumers;
using Pipeline.Dataset.Ingest;
using Pipeline.Hosting;
using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.Cli;

/// <summary>
/// `lcb eval` and `lcb watch`, the real executable, ask Ingest (its real selection check, over this test's RabbitMQ
/// virtual host, on the bundled one-file dataset) before they start anything: a refusal is one line naming each option
/// as typed, exit 2; a dead model server stops `lcb watch` with exit 1; an accepted selection says how many problems.
/// </summary>
public sealed class StartCheckCliTests : IAsyncLifetime
{
    private const string Model = "qwen2.5-7b-instruct";
    private Pipeline.Replay.ReplayServer? _replay;
    private RabbitVirtualHost? _virtualHost;
    private IHost? _ingest;

    [Fact]
    public async Task Eval_refuses_each_bad_selection_option_by_name()
    {
        var output = await BadInputTests.RunAsync(ExitCodes.BadInput, Eval("--platform", "topcoder", "--difficulty", "impossible"));

        Assert.Contains("error: Ingest refuses the selection: ", output);
        Assert.Contains("--platform: unknown 'topcoder' (expected leetcode, codeforces, atcoder)", output);
        Assert.Contains("--difficulty: unknown 'impossible'", output);
        Assert.Contains("nothing was started", output);
    }

    [Fact]
    public async Task Eval_refuses_a_release_of_a_one_file_dataset_and_dates_with_no_problem()
    {
        var release = await BadInputTests.RunAsync(ExitCodes.BadInput, Eval("--release", "release_v6"));
        var dates = await BadInputTests.RunAsync(ExitCodes.BadInput, Eval("--start-date", "2030-01-01"));

        Assert.Contains("--release: release release_v6 cannot be selected from the one-file dataset 'problems.jsonl'", release);
        Assert.Contains("--start-date: no problem of release release_latest falls between 2030-01-01 and its last date: its contest dates run from 2023-08-21 to 2025-04-06", dates);
    }

    [Fact]
    public async Task Eval_of_a_valid_selection_says_how_many_problems_it_starts()
    {
        using var lcb = ServiceProcess.StartLcb(Eval("--platform", "leetcode", "--n", "1"), new Dictionary<string, string>());

        Assert.Equal(0, await lcb.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        // The line may be wrapped at the console's width.
        var output = System.Text.RegularExpressions.Regex.Replace(lcb.Output(), @"\s+", " ");
        Assert.Matches(@"run [0-9a-f-]{36}: qwen2\.5-7b-instruct, release_latest, n=1 \(125 problems\)", output);
    }

    [Fact]
    public async Task Watch_refuses_a_selection_Ingest_refuses_and_a_server_that_does_not_answer()
    {
        var selection = await BadInputTests.RunAsync(ExitCodes.BadInput, Bus("watch", "--base-url", _replay!.BaseUrl + "/v1", "--platform", "topcoder"));
        var deadPort = FreePort.Next();
        var server = await BadInputTests.RunAsync(ExitCodes.Failed, Bus("watch", "--base-url", $"http://127.0.0.1:{deadPort}/v1"));

        Assert.Contains("error: Ingest refuses the selection: --platform: unknown 'topcoder'", selection);
        Assert.Contains($"error: model server http://127.0.0.1:{deadPort}/v1 does not list its models", server);
        Assert.Contains("nothing is watched", server);
    }

    private string[] Eval(params string[] options) => Bus(["eval", "--model", Model, "--base-url", _replay!.BaseUrl + "/v1", .. options]);

    private string[] Bus(params string[] arguments) => [.. arguments, "--rabbitmq", Servers.RabbitMqHost, "--vhost", _virtualHost!.Name];

    public async Task InitializeAsync()
    {
        _replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording(Model)] },
        });
        _virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-start-check-{Guid.NewGuid():N}"[..32]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Servers.Settings("test-start-check:", _virtualHost.Name));
        builder.Services.AddSingleton(new SelectionCheck(new DatasetOptions { Source = LcbTestData.ProblemsFile }));
        builder.Services.AddPipelineBus(builder.Configuration, bus => bus.AddConsumer<CheckSelectionConsumer>());
        _ingest = builder.Build();
        await _ingest.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_ingest is not null)
        {
            await _ingest.StopAsync();
            _ingest.Dispose();
        }
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
        if (_replay is not null)
        {
            await _replay.DisposeAsync();
        }
    }
}
