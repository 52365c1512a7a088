using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Runs;

var builder = PipelineHost.CreateBuilder(args, "scorer");
builder.Services.AddScorer(builder.Configuration);
builder.Services.AddPipelineBus(builder.Configuration, bus => bus.AddScorerConsumers());
await builder.Build().RunAsync();
