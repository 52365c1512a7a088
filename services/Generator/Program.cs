using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Generation;

var builder = PipelineHost.CreateBuilder(args, "generator");
builder.Services.AddPipelineStores(builder.Configuration);
builder.Services.AddGenerator(builder.Configuration);
builder.Services.AddPipelineBus(builder.Configuration, bus => bus.AddGeneratorConsumers());
await builder.Build().RunAsync();
