using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Pipeline.Api.Evaluations;
using Pipeline.Generator.Prompts;

namespace Pipeline.Cli.Commands;

/// <summary>
/// What <c>lcb eval</c> and <c>lcb watch</c> share: how a run is evaluated (dataset selection, sampling, timeout, k)
/// and the RabbitMQ that carries its StartEvaluation.
/// </summary>
internal sealed class EvaluationOptions
{
    private readonly Option<double> _timeout = new("--timeout") { Description = "seconds per test, as the official runner", DefaultValueFactory = _ => 6 };
    private readonly Option<string> _ks = new("--k") { Description = "pass@k values, comma-separated", DefaultValueFactory = _ => "1,5,10" };
    private readonly Option<string?> _rabbitMq = new("--rabbitmq") { Description = "RabbitMQ host (default: PIPELINE_Bus__Host, else localhost)" };
    private readonly Option<string?> _virtualHost = new("--vhost") { Description = "RabbitMQ virtual host (default: PIPELINE_Bus__VirtualHost, else /)" };
    private readonly SelectionOptions _selection = new(withSource: false);
    private readonly SamplingOptions _sampling = new();

    public void AddTo(Command command)
    {
        command.Add(_timeout);
        command.Add(_ks);
        command.Add(_rabbitMq);
        command.Add(_virtualHost);
        _selection.AddTo(command);
        _sampling.AddTo(command);
    }

    /// <exception cref="ArgumentException">an option is not usable; the message names it</exception>
    public EvaluationTemplate Template(ParseResult parse) => new()
    {
        Selection = _selection.Selection(parse),
        PromptStyle = _sampling.Style(parse).Name(),
        Sampling = _sampling.Settings(parse),
        TimeoutSeconds = parse.GetValue(_timeout),
        Ks = ParseKs(parse.GetRequiredValue(_ks)),
    };

    /// <summary>The Bus section: PIPELINE_-prefixed environment as the services read it, then the command line.</summary>
    public IConfiguration Bus(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(_rabbitMq) is { } host)
        {
            overrides["Bus:Host"] = host;
        }
        if (parse.GetValue(_virtualHost) is { } virtualHost)
        {
            overrides["Bus:VirtualHost"] = virtualHost;
        }
        return new ConfigurationBuilder()
            .AddEnvironmentVariables(prefix: "PIPELINE_")
            .AddInMemoryCollection(overrides)
            .Build();
    }

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
