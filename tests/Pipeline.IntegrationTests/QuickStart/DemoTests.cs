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
    }
}
