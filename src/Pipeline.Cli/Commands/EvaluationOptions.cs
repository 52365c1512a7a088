using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Pipeline.Evaluations;
using Pipeline.Contracts;
using Pipeline.Core;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;

namespace Pipeline.Cli.Commands;

/// <summary>
/// What <c>lcb eval</c> and <c>lcb watch</c> share: how a run is evaluated (dataset selection, sampling, timeout, k)
/// and the RabbitMQ that carries its StartEvaluation.
/// </summary>
internal sealed class EvaluationOptions
{
    private readonly Option<double> _timeout = new("--timeout") { Description = "seconds per test, as the official runner", DefaultValueFactory = _ => RunDefaults.TimeoutSeconds };
    private readonly Option<string> _ks = new("--k") { Description = "pass@k values, comma-separated", DefaultValueFactory = _ => "1,5,10" };
    private readonly BusCommandOptions _bus = new();
    private readonly SelectionOptions _selection = new(withSource: false);
    private readonly SamplingOptions _sampling = new();
    private readonly ScenarioOptions _scenario = new();
    private readonly ModelServerCommandOptions _modelServer = new();

    public void AddTo(Command command)
    {
        command.Add(_timeout);
        command.Add(_ks);
        _bus.AddTo(command);
        _selection.AddTo(command);
        _sampling.AddTo(command);
        _scenario.AddTo(command);
        _modelServer.AddTo(command);
    }

    /// <exception cref="ArgumentException">an option is not usable; the message names it</exception>
    public EvaluationTemplate Template(ParseResult parse) => new()
    {
        Selection = _selection.Selection(parse),
        Scenario = _scenario.Checked(parse, _sampling.Style(parse)).Name(),
        Cot = _scenario.Cot(parse),
        PromptStyle = _sampling.Style(parse).Name(),
        Sampling = _sampling.Settings(parse),
        TimeoutSeconds = parse.GetValue(_timeout),
        Ks = ParseKs(parse.GetRequiredValue(_ks)),
        ModelServer = _modelServer.Settings(parse),
    };

    /// <summary>
    /// The options that say how a run is evaluated (not which problems): an extension takes them from the run it extends.
    /// The model-server options are not among them: an extension may be given those (the key is never stored).
    /// </summary>
    public IReadOnlyList<Option> RunSettings => [_timeout, _ks, .. _sampling.All, .. _scenario.All];

    /// <exception cref="ArgumentException">the timeout is not positive or the extra body is not a usable JSON object</exception>
    public ModelServerSettings ModelServer(ParseResult parse) => _modelServer.Settings(parse);

    /// <exception cref="ArgumentException">a selection option is not usable; the message names it</exception>
    public DatasetSelection Selection(ParseResult parse) => _selection.Selection(parse);

    /// <summary>The Bus section: PIPELINE_-prefixed environment as the services read it, then the command line.</summary>
    public IConfiguration Bus(ParseResult parse) => _bus.Configuration(parse);

    private static int[] ParseKs(string text)
    {
        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ks = new List<int>();
        foreach (var value in values)
        {
            if (!int.TryParse(value, out var k) || k < 1)
            {
                throw new ArgumentException($"--k: '{value}' is not a positive whole number");
            }
            ks.Add(k);
        }
        return ks.Count > 0 ? [.. ks.Distinct().Order()] : throw new ArgumentException("--k: give at least one value");
    }
}
