using System.CommandLine;
using Pipeline.Contracts;
using Pipeline.Generation.ModelClient;

namespace Pipeline.Cli.Commands;

/// <summary>A run's own model-server options, shared by <c>lcb eval</c>, <c>lcb watch</c> and <c>lcb generate</c>.</summary>
internal sealed class ModelServerCommandOptions
{
    private readonly Option<string?> _apiKey = new("--api-key")
    {
        Description = "the model server's bearer token for this run, sent by the Generator instead of its own ModelServer:ApiKey (never recorded nor printed)",
    };
    private readonly Option<double?> _requestTimeout = new("--request-timeout")
    {
        Description = "seconds one model request may take (default 300; long reasoning needs more)",
    };
    private readonly Option<string?> _extraBody = new("--extra-body")
    {
        Description = "JSON object of extra request fields, e.g. '{\"reasoning_effort\": \"high\"}' or '{\"chat_template_kwargs\": {\"enable_thinking\": false}}'",
    };

    public IReadOnlyList<Option> All => [_apiKey, _requestTimeout, _extraBody];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Add(option);
        }
    }

    /// <exception cref="ArgumentException">the timeout is not positive or the extra body is not a usable JSON object</exception>
    public ModelServerSettings Settings(ParseResult parse)
    {
        var seconds = parse.GetValue(_requestTimeout);
        if (seconds <= 0)
        {
            throw new ArgumentException("--request-timeout must be a positive number of seconds");
        }
        try
        {
            return new ModelServerSettings
            {
                ApiKey = parse.GetValue(_apiKey), RequestTimeoutSeconds = seconds, ExtraBody = ExtraBody.Parse(parse.GetValue(_extraBody)),
            };
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"--extra-body: {error.Message}", error);
        }
    }

    /// <summary>The key the server is checked with: the run's own, else OPENAI_API_KEY (what the user's shell has).</summary>
    public static string? CheckKey(ModelServerSettings settings) => settings.ApiKey ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY");
}
