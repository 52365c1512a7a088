using Pipeline.Cli.Commands;

return await LcbCommand.Create().Parse(args).InvokeAsync();
