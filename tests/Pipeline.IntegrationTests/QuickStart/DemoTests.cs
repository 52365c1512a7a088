using Pipeline.Cli.Commands;
using Pipeline.IntegrationTests.Infrastructure;
using Spectre.Console;

namespace Pipeline.IntegrationTests.QuickStart;

/// <summary>The README's first command: the whole pipeline in one process agrees with the official runner.</summary>
[Collection(VerdictParityCollection.Name)]
public sealed class DemoTests
{
    [Fact]
    public async Task The_single_process_demo_reproduces_the_official_verdicts()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        var exitCode = await DemoCommand.ExecuteAsync("qwen2.5-7b-instruct", limit: 40, LcbTestData.Folder, console, CancellationToken.None);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Matches(@"per-test\s+verdicts\s+equal\s+on\s+40/40\s+samples", output.ToString());
        Assert.Matches(@"scored\s+on\s+the\s+bundled\s+public\s+tests\s+only", output.ToString());
        Assert.Matches(@"official\s+full\s+test\s+suites[^:]*:\s+pass@1\s+\d+\.\d%", output.ToString());
    }

    [Fact]
    public async Task A_recording_that_skips_problems_covers_only_those_it_answers()
    {
        // o1-mini answers none of the first 20 bundled problems: before, this waited for ever at 0/20.
        var output = new StringWriter();
        var exitCode = await DemoCommand.ExecuteAsync("o1-mini", limit: 3, LcbTestData.Folder, Plain(output), CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, output.ToString());
        Assert.Matches(@"per-test\s+verdicts\s+equal\s+on\s+3/3\s+samples", output.ToString());
    }

    [Fact]
    public async Task An_unknown_recording_is_refused()
    {
        Assert.Equal(Pipeline.Cli.ExitCodes.BadInput,
            await DemoCommand.ExecuteAsync("gpt-nope", limit: 3, LcbTestData.Folder, Plain(new StringWriter()), CancellationToken.None));
        Assert.Equal(["o1-mini", "qwen2.5-7b-instruct"], Pipeline.Cli.Evaluation.Recording.Models(LcbTestData.Folder));
    }

    private static IAnsiConsole Plain(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
    });
}
