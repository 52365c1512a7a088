using System.Text.RegularExpressions;
using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// The README's compose commands ("Deployment"), read out of README.md and run by bash as written: the images, the
/// replay server on the docker host, `docker-compose up`, `lcb eval --wait` through the bridge gateway, then
/// `docker-compose down -v`, which must leave no container, network or volume, the Executors' harness
/// volume included. Only what a second stack on a shared machine must change is set from outside: the
/// project name and host ports (the variables the README documents) and the model server's port (8000 in the
/// README, a free one here); and `./lcb`, the launcher that builds tools/Lcb in Release on first use, is the lcb the
/// test projects already built (a second build of the same sources would cost CI minutes). The run must finish with
/// the official verdicts.
/// Runs alone (graded timing must not share the cores with the parallel tests).
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed partial class ReadmeComposePathTests(ITestOutputHelper log)
{
    private const string Model = "qwen2.5-7b-instruct";
    private const string ReadmePort = "8000";

    [Fact]
    public async Task The_readme_compose_commands_evaluate_with_the_official_verdicts_and_down_leaves_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        var (up, down) = ReadmeCommands();
        await using var project = ComposeProject.Create(LcbTestData.Folder);
        var environment = new Dictionary<string, string>(project.Environment)
        {
            ["COMPOSE_PROJECT_NAME"] = project.Name,
            ["PIPELINE_Bus__Port"] = project.RabbitMqPort.ToString(),
            ["PIPELINE_Redis__Configuration"] = $"localhost:{project.RedisPort}",
        };
        // set -e: a README command that fails fails the test; the replay server (a background job) ends with the script
        var script = "set -eu\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
            + up.Replace(ReadmePort, FreePort.Next().ToString(), StringComparison.Ordinal)
                .Replace("./lcb ", $"dotnet {ServiceProcess.LcbDll} ", StringComparison.Ordinal);
        log.WriteLine(script);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ran = await Shell.RunAsync("bash", ["-c", script], ComposeProject.RepositoryRoot, environment, timeout.Token);
        log.WriteLine($"README commands ran in {clock.Elapsed.TotalSeconds:F0} s:\n{ran.Output}\n{ran.Errors}");
        Assert.True(ran.ExitCode == 0, $"{ran}\n{await project.LogsAsync()}");

        var runId = Guid.Parse(RunIdLine().Match(ran.Output).Groups[1].Value);
        using (var redis = await ConnectionMultiplexer.ConnectAsync($"localhost:{project.RedisPort}"))
        {
            var store = new RedisRunStore(redis, new RedisKeys());
            var verdicts = await store.GetVerdictsAsync(runId);
            Assert.NotEmpty(verdicts);
            Assert.Equal(verdicts.Count, verdicts.Select(v => (v.ProblemId, v.SampleIndex)).Distinct().Count());
            // The replay server answers a prompt's requests with the recording's samples in the order they arrive, so
            // a problem's n verdicts are the official verdicts of its first n recorded samples, in any order.
            var official = LcbTestData.OfficialVerdicts(Model).ToLookup(s => s.QuestionId);
            foreach (var problem in verdicts.GroupBy(v => v.ProblemId))
            {
                var ours = problem.Select(v => string.Join(",", v.Results)).Order().ToList();
                var theirs = official[problem.Key].OrderBy(s => s.SampleIndex).Take(ours.Count).Select(s => string.Join(",", s.Results)).Order().ToList();
                Assert.True(ours.SequenceEqual(theirs), $"{problem.Key}: official [{string.Join("; ", theirs)}], ours [{string.Join("; ", ours)}]");
            }
            var report = await store.GetReportAsync(runId);
            Assert.NotNull(report);
            log.WriteLine($"{verdicts.Count} samples graded as the official runner did; pass@1 {report.Overall.PassAtK["pass@1"]:P1}");
        }

        // The harness lives in the project's volume (which `down -v` removes), not in a folder of the host.
        Assert.Contains("pipeline-harness-", await project.CheckedAsync(timeout.Token, "exec", "-T", "executor", "ls", "/tmp/pipeline-executor"));
        var harnessVolume = $"{project.Name}_harness";
        Assert.Equal(0, (await Shell.RunAsync("docker", ["volume", "inspect", harnessVolume], cancellationToken: timeout.Token)).ExitCode);

        var downed = await Shell.RunAsync("bash", ["-c", $"set -eu\n{down}"], ComposeProject.RepositoryRoot, environment, timeout.Token);
        Assert.True(downed.ExitCode == 0, downed.ToString());
        foreach (var kind in new[] { "container", "volume", "network" })
        {
            var left = await Shell.RunAsync("docker", [kind, "ls", "-q", .. kind == "container" ? new[] { "-a" } : [],
                "--filter", $"label=com.docker.compose.project={project.Name}"], cancellationToken: timeout.Token);
            Assert.True(left.ExitCode == 0 && left.Output.Trim() == "", $"{kind}s left after `{down}`: {left}");
        }
        Assert.NotEqual(0, (await Shell.RunAsync("docker", ["volume", "inspect", harnessVolume], cancellationToken: timeout.Token)).ExitCode);
    }

    /// <summary>
    /// The first code block of README's "Deployment" section, comments dropped: every command up to `lcb eval`, and
    /// `docker-compose down` with the `-v` its comment says drops the data.
    /// </summary>
    private static (string Up, string Down) ReadmeCommands()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var section = readme[readme.IndexOf("\n## Deployment\n", StringComparison.Ordinal)..];
        var block = CodeBlock().Match(section).Groups[1].Value;
        var lines = block.Split('\n').Select(line => CommentAtEnd().Replace(line, "").Trim()).Where(line => line != "").ToList();
        var down = lines.FindIndex(line => line.StartsWith("docker-compose down", StringComparison.Ordinal));
        Assert.True(down > 0, $"README's Deployment block has no `docker-compose down`:\n{block}");
        Assert.Contains(lines, line => line.StartsWith("./lcb eval ", StringComparison.Ordinal) && line.Contains("--wait", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("./lcb serve-replay ", StringComparison.Ordinal) && line.Contains($"--port {ReadmePort}", StringComparison.Ordinal));
        var downLine = lines[down].Contains(" -v", StringComparison.Ordinal) ? lines[down] : $"{lines[down]} -v";
        return (string.Join("\n", lines.Take(down)), downLine);
    }

    [GeneratedRegex(@"\n```\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    /// <summary>A shell comment: from a # preceded by blank space to the end of the line (none inside the commands).</summary>
    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex CommentAtEnd();

    /// <summary>`lcb eval`'s first line: "run ID: model, release, n=N (P problems)".</summary>
    [GeneratedRegex(@"(?m)^run ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):")]
    private static partial Regex RunIdLine();
}
