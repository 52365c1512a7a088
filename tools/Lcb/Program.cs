using System.CommandLine;
using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Core.Stores;
using Pipeline.Scorer.Reports;

var root = new RootCommand("lcb: evaluate code models on LiveCodeBench with Pipeline");
root.Add(IngestCommand.Create());
root.Add(DatasetExportCommand.Create());
root.Add(GenerateCommand.Create());
root.Add(ServeReplayCommand.Create());
root.Add(RunsCommand.Create());
root.Add(StatusCommand.Create());
root.Add(ResultsCommand.Create());
root.Add(CompareCommand.Create());
root.Add(DemoCommand.Create());
root.Add(EvalCommand.Create());
root.Add(WatchCommand.Create());
root.Add(GradeCommand.Create());
root.Add(ErrorsCommand.Create());
root.Add(ReplayCommand.Create());
root.Add(ExportCommand.Create((redis, prefix) => new RedisProblemStore(redis, new RedisKeys(prefix)), new OfficialEvalWriter()));
try
{
    // Commands turn the failures they expect into their own messages; anything else is still one line, not a stack trace.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error)
{
    return ErrorLine.Report(error, Console.Error);
}
