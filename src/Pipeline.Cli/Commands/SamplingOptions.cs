using System.CommandLine;
using Pipeline.Contracts;
using Pipeline.Core;
using Pipeline.Generation.Prompts;

namespace Pipeline.Cli.Commands;

/// <summary>How the model is asked, shared by <c>lcb generate</c> and <c>lcb eval</c>: prompt style and sampling (official defaults).</summary>
internal sealed class SamplingOptions
{
    private readonly Option<string> _style = new("--prompt-style") { Description = "official LMStyle name (OpenAIChat, GenericBase, OpenAIReason, DeepSeekR1, CodeQwenInstruct, QwQ, LLaMa3, DeepSeekCodeInstruct, Claude3); chat and base are aliases", DefaultValueFactory = _ => RunDefaults.PromptStyle };
    private readonly Option<int> _n = new("--n") { Description = "samples per problem", DefaultValueFactory = _ => RunDefaults.Sampling.N };
    private readonly Option<double> _temperature = new("--temperature") { DefaultValueFactory = _ => RunDefaults.Sampling.Temperature };
    private readonly Option<double> _topP = new("--top-p") { DefaultValueFactory = _ => RunDefaults.Sampling.TopP };
    private readonly Option<int> _maxTokens = new("--max-tokens") { DefaultValueFactory = _ => RunDefaults.Sampling.MaxTokens };
    private readonly Option<string[]> _stop = new("--stop") { Description = "stop sequence (repeatable)" };
    private readonly Option<int?> _seed = new("--seed");

    /// <summary>Every option this set adds, so a caller can tell which were given on the command line.</summary>
    public IReadOnlyList<Option> All => [_style, _n, _temperature, _topP, _maxTokens, _stop, _seed];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Add(option);
        }
    }

    public Option<string> StyleOption => _style;

    /// <exception cref="ArgumentException">the prompt style is not one Pipeline serves</exception>
    public PromptStyle Style(ParseResult parse) => PromptStyles.Parse(parse.GetRequiredValue(_style));

    public SamplingSettings Settings(ParseResult parse) => new()
    {
        N = parse.GetValue(_n),
        Temperature = parse.GetValue(_temperature),
        TopP = parse.GetValue(_topP),
        MaxTokens = parse.GetValue(_maxTokens),
        Stop = parse.GetValue(_stop) ?? [],
        Seed = parse.GetValue(_seed),
    };
}
