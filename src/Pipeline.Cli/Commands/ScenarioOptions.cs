using System.CommandLine;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;

namespace Pipeline.Cli.Commands;

/// <summary>Which LiveCodeBench scenario a command works on (<c>--scenario</c>, <c>--cot</c>): shared by eval, watch, generate, grade and demo.</summary>
internal sealed class ScenarioOptions
{
    private readonly Option<string> _scenario = new("--scenario")
    {
        Description = $"{string.Join(", ", ScenarioNames.All)}", DefaultValueFactory = _ => ScenarioNames.Default,
    };
    private readonly Option<bool> _cot = new("--cot") { Description = "code execution with the official chain-of-thought prompt and extraction" };

    public IReadOnlyList<Option> All => [_scenario, _cot];

    public void AddTo(Command command)
    {
        command.Add(_scenario);
        command.Add(_cot);
    }

    /// <exception cref="ArgumentException">unknown scenario, or --cot with a scenario other than codeexecution</exception>
    public Scenario Scenario(ParseResult parse) => ScenarioNames.Validate(parse.GetValue(_scenario), Cot(parse));

    /// <exception cref="ArgumentException">as <see cref="Scenario"/>, or there is no prompt of this style for the scenario</exception>
    public Scenario Checked(ParseResult parse, PromptStyle style)
    {
        var scenario = Scenario(parse);
        ScenarioStyles.Check(scenario, style);
        return scenario;
    }

    public bool Cot(ParseResult parse) => parse.GetValue(_cot);
}
