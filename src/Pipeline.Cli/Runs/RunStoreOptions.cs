using System.CommandLine;
using Pipeline.Core.Stores;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.Cli.Runs;

/// <summary>The options every run-reading command shares: where the run state lives.</summary>
internal sealed class RunStoreOptions
{
    private readonly Option<string> _redis = new("--redis")
    {
        Description = "Redis holding the run state, HOST:PORT (default: PIPELINE_Redis__Configuration, else localhost:6379)",
        DefaultValueFactory = _ => PipelineEnvironment.Get("Redis:Configuration", "localhost:6379"),
    };

    private readonly Option<string> _keyPrefix = new("--key-prefix")
    {
        Description = "prefix of the run keys (default: PIPELINE_Stores__KeyPrefix as the Scorer's, else pipeline:)",
        DefaultValueFactory = _ => PipelineEnvironment.Get("Stores:KeyPrefix", RedisKeys.DefaultPrefix),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_redis);
        command.Options.Add(_keyPrefix);
    }

    public string KeyPrefix(ParseResult parse) => parse.GetRequiredValue(_keyPrefix);

    public string Redis(ParseResult parse) => parse.GetRequiredValue(_redis);

    /// <summary>Connects to Redis; the caller disposes the connection when done.</summary>
    public async Task<(IConnectionMultiplexer Connection, IRunStore Store)> OpenAsync(ParseResult parse)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(parse.GetRequiredValue(_redis));
        return (connection, new RedisRunStore(connection, new RedisKeys(KeyPrefix(parse))));
    }
}
