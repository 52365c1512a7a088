using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Dataset.Ingest;

var builder = PipelineHost.CreateBuilder(args, "ingest");
builder.Services.AddPipelineStores(builder.Configuration);
builder.Services.AddIngestServices(builder.Configuration);
builder.Services.AddPipelineBus(builder.Configuration, bus => bus.AddIngestConsumers());
await builder.Build().RunAsync();
