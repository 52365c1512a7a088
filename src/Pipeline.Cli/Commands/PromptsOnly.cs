using Pipeline.Core.Problems;
using Pipeline.Generation.Offline;
using Pipeline.Generation.Prompts;
using Pipeline.Generation.SelfRepair;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb generate --prompts-only`: one line per item, its key and exactly what would be sent; nothing is asked.</summary>
internal static class PromptsOnly
{
    public static int Write(IReadOnlyList<Problem> selected, OfflineGenerationSettings settings, CodegenRun? repairing, string outputPath)
    {
        var style = settings.Style;
        var prompts = repairing is null
            ? selected.Select(problem => (Key: problem.QuestionId, ScenarioPrompts.For(settings.Scenario, settings.Cot, style, problem).Prompt))
            : OfflineRepair.Prompts(repairing, selected, style);
        var rows = prompts.Select(item => PromptRow.Serialize(item.Key, item.Prompt)).ToList();
        File.WriteAllLines(outputPath, rows);
        AnsiConsole.MarkupLineInterpolated($"wrote {rows.Count} {style.Name()} prompts to {outputPath} ({(style.SendsMessages() ? "messages" : "prompt")} per line)");
        return 0;
    }
}
