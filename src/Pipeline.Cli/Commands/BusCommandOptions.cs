using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Cli.Commands;

/// <summary>--rabbitmq and --vhost, over the PIPELINE_Bus__* environment the services read: for every command that talks to the broker.</summary>
internal sealed class BusCommandOptions
{
    private readonly Option<string?> _rabbitMq = new("--rabbitmq") { Description = "RabbitMQ host (default: PIPELINE_Bus__Host, else localhost)" };
    private readonly Option<string?> _virtualHost = new("--vhost") { Description = "RabbitMQ virtual host (default: PIPELINE_Bus__VirtualHost, else /)" };

    public void AddTo(Command command)
    {
        command.Add(_rabbitMq);
        command.Add(_virtualHost);
    }

    /// <summary>The Bus section: PIPELINE_-prefixed environment as the services read it, then the command line.</summary>
    public IConfiguration Configuration(ParseResult parse)
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
}
