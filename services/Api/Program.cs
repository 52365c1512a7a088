using Pipeline.Evaluations.Http;

await ApiHost.Build(args).RunAsync();
