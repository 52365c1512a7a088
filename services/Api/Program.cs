using Pipeline.Api;

await ApiHost.Build(args).RunAsync();
