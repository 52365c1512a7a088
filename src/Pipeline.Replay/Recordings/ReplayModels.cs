using System.Collections.Concurrent;

namespace Pipeline.Replay.Recordings;

/// <summary>The models the server answers as; new ones can be added while it runs (a new checkpoint appearing).</summary>
public sealed class ReplayModels
{
    private readonly ConcurrentDictionary<string, ReplayModel> models = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => models.Keys.Order(StringComparer.Ordinal).ToList();

    public ReplayModel? Find(string name) => models.GetValueOrDefault(name);

    public ReplayModel Add(string name, IReadOnlyList<string> recordingFiles)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a model needs a name", nameof(name));
        }
        if (recordingFiles.Count == 0)
        {
            throw new ArgumentException($"model '{name}' needs at least one recording file", nameof(recordingFiles));
        }
        return Add(name, [.. recordingFiles.SelectMany(RecordingFile.Load)]);
    }

    public ReplayModel Add(string name, IReadOnlyList<RecordedProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a model needs a name", nameof(name));
        }
        var model = new ReplayModel(name, problems);
        models[name] = model;
        return model;
    }
}
