using System.CommandLine;
using Pipeline.Cli.Runs;
using Pipeline.Core.Scenarios;
using Pipeline.Core.Stores;
using Pipeline.Runs.Published;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb publish-score MODEL --scenario S --score X [--reference Y] [--tolerance T]`: the model's published pass@1
/// (percent), which the run page and `lcb results` set beside the measured one.
/// </summary>
public static class PublishScoreCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "the model name, as runs of it are named" };
        var scenario = new Option<string>("--scenario") { Description = "official scenario name", DefaultValueFactory = _ => ScenarioNames.Default };
        var score = new Option<double>("--score") { Description = "published pass@1, percent", Required = true };
        var reference = new Option<double?>("--reference") { Description = "reference pass@1, percent (e.g. your own baseline)" };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "percentage points the measured score may differ from the published one",
            DefaultValueFactory = _ => PublishedScore.DefaultTolerance,
        };
        var command = new Command("publish-score", "Record a model's published pass@1, shown beside measured runs of it")
        {
            model, scenario, score, reference, tolerance,
        };
        var storeOptions = new RunStoreOptions();
        RunCommandAction.Set(command, storeOptions, async (parse, _, redis, cancellationToken) =>
        {
            PublishedScore published;
            try
            {
                published = new PublishedScore
                {
                    Model = parse.GetRequiredValue(model),
                    Scenario = ScenarioNames.Parse(parse.GetValue(scenario)).Name(),
                    Score = parse.GetValue(score),
                    Reference = parse.GetValue(reference),
                    Tolerance = parse.GetValue(tolerance),
                }.Validated();
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 1;
            }
            await new RedisPublishedScoreStore(redis, new RedisKeys(storeOptions.KeyPrefix(parse))).SetAsync(published, cancellationToken);
            Console.WriteLine($"{published.Model}, {published.Scenario}: published {published.Score:F1}%" +
                (published.Reference is { } value ? $", reference {value:F1}%" : "") + $", tolerance ±{published.Tolerance:F1}");
            return 0;
        });
        return command;
    }
}
