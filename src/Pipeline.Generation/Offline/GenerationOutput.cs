using System.Text;
using Pipeline.Core.Problems;

namespace Pipeline.Generation.Offline;

/// <summary>
/// The `lcb generate` output file, opened for resuming: complete rows already there are kept and their
/// problems skipped; a torn last line (an interrupted write) is cut off; any other bad line stops the run
/// rather than being overwritten.
/// </summary>
public sealed class GenerationOutput : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private GenerationOutput(StreamWriter writer, IReadOnlySet<string> done)
    {
        _writer = writer;
        Done = done;
    }

    public IReadOnlySet<string> Done { get; }

    /// <summary>The selected problems whose rows are not in the file yet, in selection order.</summary>
    public IReadOnlyList<Problem> Pending(IEnumerable<Problem> selected) =>
        selected.Where(problem => !Done.Contains(problem.QuestionId)).ToList();

    public static GenerationOutput Open(string path)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        long keep = 0;
        var keptEndsWithNewline = true;
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var isLast = i == lines.Length - 1;
                if (line.Length == 0)
                {
                    continue;
                }
                var id = GenerationRow.QuestionId(line);
                if (id is null)
                {
                    if (isLast)
                    {
                        break;
                    }
                    throw new InvalidDataException($"{path}:{i + 1} is not a generation row; fix or move the file before resuming");
                }
                done.Add(id);
                keep += Encoding.UTF8.GetByteCount(line) + (isLast ? 0 : 1);
                keptEndsWithNewline = !isLast;
            }
        }
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        stream.SetLength(keep);
        stream.Seek(0, SeekOrigin.End);
        var writer = new StreamWriter(stream, new UTF8Encoding(false));
        if (!keptEndsWithNewline)
        {
            writer.Write('\n');
        }
        return new GenerationOutput(writer, done);
    }

    public async Task AppendAsync(string row, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _writer.WriteAsync(row + "\n");
            await _writer.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _writeLock.Dispose();
    }
}
