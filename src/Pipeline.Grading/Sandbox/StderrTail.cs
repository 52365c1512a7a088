namespace Pipeline.Grading.Sandbox;

/// <summary>The last lines a worker wrote to stderr, kept to explain a fault; thread-safe.</summary>
internal sealed class StderrTail
{
    private const int Keep = 20;
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > Keep)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "(empty)" : string.Join(" | ", _lines);
        }
    }
}
