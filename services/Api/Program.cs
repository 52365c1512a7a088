using Pipeline.Evaluations.Http;

return await ApiHost.RunAsync(args);
