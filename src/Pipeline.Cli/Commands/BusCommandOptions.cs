using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Cli.Commands;

/// <summary>--rabbitmq and --vhost, over the PIPELINE_Bus__* environment the services read: for every command that talks to the broker.</summary>
internal sealed class BusCommandOptions
{
    private readonly Option<string?> _rabbitMq = new("--rabbitmq")
    {
        Description = "RabbitMQ HOST[:PORT] (default: PIPELINE_Bus__Host and PIPELINE_Bus__Port, else localhost:5672)",
        HelpName = "HOST[:PORT]",
    };
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
        if (parse.GetValue(_rabbitMq) is { } address)
        {
            var (host, port) = HostAndPort(address);
            overrides["Bus:Host"] = host;
            if (port is not null)
            {
                overrides["Bus:Port"] = port.ToString();
            }
        }
        if (parse.GetValue(_virtualHost) is { } virtualHost)
        {
            overrides["Bus:VirtualHost"] = virtualHost;
        }
        return new ConfigurationBuilder()
            .AddConfiguration(PipelineEnvironment.Configuration)
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <exception cref="ArgumentException">the port is not a number from 1 to 65535</exception>
    private static (string Host, int? Port) HostAndPort(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon < 0)
        {
            return (address, null);
        }
        return int.TryParse(address[(colon + 1)..], out var port) && port is > 0 and < 65536
            ? (address[..colon], port)
            : throw new ArgumentException($"--rabbitmq '{address}': expected HOST or HOST:PORT with a port from 1 to 65535");
    }
}
