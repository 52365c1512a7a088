namespace Pipeline.Dataset;

/// <summary>What reading a dataset met besides the problems: bytes read and the bad rows skipped.</summary>
public sealed class DatasetReport
{
    private readonly List<BadRow> _badRows = [];

    public long SourceBytes { get; private set; }

    public IReadOnlyList<BadRow> BadRows => _badRows;

    public event Action<BadRow>? BadRowFound;

    internal void AddSourceBytes(long bytes) => SourceBytes += bytes;

    internal void AddBadRow(BadRow row)
    {
        _badRows.Add(row);
        BadRowFound?.Invoke(row);
    }
}
