using System.CommandLine;
using Pipeline.Core.Stores;
using Pipeline.Generation.SelfRepair;
using Pipeline.Runs.Reports;

namespace Pipeline.Cli.Commands;

/// <summary>The lcb command line: every command, as the tools/Lcb host runs it.</summary>
public static class LcbCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("lcb: evaluate code models on LiveCodeBench with Pipeline");
        root.Add(IngestCommand.Create());
        root.Add(DatasetExportCommand.Create());
        root.Add(GenerateCommand.Create());
        root.Add(ServeReplayCommand.Create());
        root.Add(RunsCommand.Create());
        root.Add(StatusCommand.Create());
        root.Add(ResultsCommand.Create());
        root.Add(CompareCommand.Create());
        root.Add(ReportCommand.Create());
        root.Add(PublishScoreCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(EvalCommand.Create());
        root.Add(WatchCommand.Create());
        root.Add(GradeCommand.Create());
        root.Add(ErrorsCommand.Create());
        root.Add(ReplayCommand.Create());
        root.Add(ExportCommand.Create(
            (redis, prefix) => new RedisProblemStore(redis, new RedisKeys(prefix)), (redis, prefix) => new RedisCodegenStore(redis, new RedisKeys(prefix)),
            new OfficialEvalWriter()));
        return root;
    }
}
