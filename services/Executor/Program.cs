using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Grading;

var builder = PipelineHost.CreateBuilder(args, "executor");
builder.Services.AddPipelineRedis(builder.Configuration);
builder.Services.AddPipelineStores(builder.Configuration);
builder.Services.AddExecutorGrading(builder.Configuration);
builder.Services.AddPipelineBus(builder.Configuration, bus => bus.AddExecutorConsumers());
await builder.Build().RunAsync();
