using System.Text.Json;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Cli.Commands.Grade;

/// <summary>
/// verdicts.partial.jsonl in the --out folder: each sample's verdict the moment it is graded, so an interrupted
/// `lcb grade` keeps its work and `--resume` grades only what is missing. Removed once the reports are written.
/// </summary>
public sealed class GradeJournal : IDisposable
{
    public const string FileName = "verdicts.partial.jsonl";

    private sealed record Entry(string QuestionId, int SampleIndex, IReadOnlyList<int> Results, string MetadataJson, double ElapsedMs);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly string _path;

    private GradeJournal(string path, IReadOnlyDictionary<(string, int), SandboxOutcome> graded)
    {
        _path = path;
        Graded = graded;
        _writer = new StreamWriter(path, append: true);
    }

    /// <summary>The samples graded by an earlier, interrupted run (empty unless resumed).</summary>
    public IReadOnlyDictionary<(string QuestionId, int SampleIndex), SandboxOutcome> Graded { get; }

    /// <exception cref="ArgumentException">an interrupted grading is in the folder and <paramref name="resume"/> was not asked.</exception>
    public static GradeJournal Open(string folder, bool resume)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path) && !resume)
        {
            throw new ArgumentException($"{folder} holds an interrupted grading ({FileName}): add --resume to continue it, or choose another --out");
        }
        if (!File.Exists(path))
        {
            return new GradeJournal(path, new Dictionary<(string, int), SandboxOutcome>());
        }
        var graded = Read(path);
        EndLastLine(path);
        return new GradeJournal(path, graded);
    }

    /// <summary>Keeps a verdict; a sandbox fault is not a verdict and is graded again on resume.</summary>
    public void Append(string questionId, int sampleIndex, SandboxOutcome outcome)
    {
        if (outcome.IsFault)
        {
            return;
        }
        var line = JsonSerializer.Serialize(new Entry(questionId, sampleIndex, outcome.Results, outcome.MetadataJson, outcome.Elapsed.TotalMilliseconds), Json);
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    /// <summary>The reports are written: the journal has served its purpose.</summary>
    public void Complete()
    {
        _writer.Dispose();
        File.Delete(_path);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>A line cut short by the interruption gets its end, so the next verdict starts a line of its own.</summary>
    private static void EndLastLine(string path)
    {
        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        if (file.Length == 0)
        {
            return;
        }
        file.Seek(-1, SeekOrigin.End);
        if (file.ReadByte() != '\n')
        {
            file.WriteByte((byte)'\n');
        }
    }

    /// <summary>Every complete line; a last line cut short by the interruption is graded again.</summary>
    private static Dictionary<(string, int), SandboxOutcome> Read(string path)
    {
        var graded = new Dictionary<(string, int), SandboxOutcome>();
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            Entry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<Entry>(line, Json);
            }
            catch (JsonException)
            {
                continue;
            }
            if (entry is not null)
            {
                graded[(entry.QuestionId, entry.SampleIndex)] = new SandboxOutcome
                {
                    Results = entry.Results, MetadataJson = entry.MetadataJson, Elapsed = TimeSpan.FromMilliseconds(entry.ElapsedMs),
                };
            }
        }
        return graded;
    }
}
