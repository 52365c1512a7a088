using System.CommandLine;
using Pipeline.Contracts;

namespace Pipeline.Cli.Commands;

/// <summary>
/// The dataset options <c>lcb ingest</c>, <c>lcb dataset export</c> and <c>lcb eval</c> share: where the data is
/// (not for eval: Ingest's Dataset:Source) and which part of it.
/// </summary>
internal sealed class SelectionOptions(bool withSource = true)
{
    private readonly Option<string> _source = new("--source")
    {
        Description = "code_generation_lite directory (test.jsonl … test6.jsonl) or a single .jsonl file",
        Required = true,
    };
    private readonly Option<string> _release = new("--release")
    {
        Description = "release_v1 … release_v6 (cumulative), vN, vA_vB or release_latest",
        DefaultValueFactory = _ => "release_latest",
    };
    private readonly Option<DateOnly?> _startDate = new("--start-date") { Description = "first contest date, inclusive (YYYY-MM-DD)" };
    private readonly Option<DateOnly?> _endDate = new("--end-date") { Description = "last contest date, inclusive (YYYY-MM-DD, compared at 00:00 like the official runner)" };
    private readonly Option<string[]> _platforms = new("--platform") { Description = "leetcode, atcoder, codeforces (repeat or comma-separate)" };
    private readonly Option<string[]> _difficulties = new("--difficulty") { Description = "easy, medium, hard (repeat or comma-separate)" };
    private readonly Option<int?> _limit = new("--limit") { Description = "at most this many problems, the first selected" };

    public void AddTo(Command command)
    {
        if (withSource)
        {
            command.Add(_source);
        }
        command.Add(_release);
        command.Add(_startDate);
        command.Add(_endDate);
        command.Add(_platforms);
        command.Add(_difficulties);
        command.Add(_limit);
    }

    public string Source(ParseResult parse) => parse.GetValue(_source)!;

    public DatasetSelection Selection(ParseResult parse) => new()
    {
        Release = parse.GetValue(_release)!,
        StartDate = parse.GetValue(_startDate),
        EndDate = parse.GetValue(_endDate),
        Platforms = List(parse.GetValue(_platforms)),
        Difficulties = List(parse.GetValue(_difficulties)),
        Limit = parse.GetValue(_limit),
    };

    private static string[] List(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
