using System.Text.RegularExpressions;

namespace Pipeline.Dataset;

/// <summary>
/// Which files of a <c>code_generation_lite</c> directory a release covers, as the dataset's version
/// tags define them: release_vN = test.jsonl … testN.jsonl, vN = testN.jsonl alone, vA_vB = testA …
/// testB, release_latest = every testN.jsonl present. A single .jsonl file is a whole dataset by itself: it has no
/// releases, so any release but release_latest is refused rather than silently ignored.
/// </summary>
public static partial class ReleaseFiles
{
    public const string Latest = "release_latest";

    /// <param name="hasReleases">false for the prediction datasets, one file each, whose release the official runner ignores</param>
    public static IReadOnlyList<string> Resolve(string source, string release, bool hasReleases = true)
    {
        if (File.Exists(source))
        {
            return !hasReleases || release == Latest
                ? [source]
                : throw new DatasetException(
                    $"release {release} cannot be selected from the one-file dataset '{Path.GetFileName(source)}' (one file has no releases): "
                    + $"give {Latest}, or a code_generation_lite directory (test.jsonl … test6.jsonl)");
        }
        if (!Directory.Exists(source))
        {
            throw new DatasetException($"dataset source '{source}' is neither a directory nor a file");
        }
        var files = Numbers(release, source).Select(n => Path.Combine(source, FileName(n))).ToList();
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetException($"release {release} needs files that are not in '{source}': {string.Join(", ", missing.Select(Path.GetFileName))}");
        }
        return files;
    }

    public static string FileName(int number) => number == 1 ? "test.jsonl" : $"test{number}.jsonl";

    private static IEnumerable<int> Numbers(string release, string directory)
    {
        if (release == Latest)
        {
            var present = Directory.EnumerateFiles(directory, "test*.jsonl")
                .Select(f => FileNumber().Match(Path.GetFileName(f)))
                .Where(m => m.Success)
                .Select(m => m.Groups[1].Value.Length == 0 ? 1 : int.Parse(m.Groups[1].Value))
                .Order()
                .ToList();
            return present.Count > 0 ? present : throw new DatasetException($"no test*.jsonl files in '{directory}'");
        }
        var match = Tag().Match(release);
        if (!match.Success)
        {
            throw new DatasetException($"unknown release '{release}' (expected release_vN, vN, vA_vB or release_latest)");
        }
        var (first, last) = match.Groups["cumulative"].Success ? (1, int.Parse(match.Groups["cumulative"].Value))
            : match.Groups["to"].Success ? (int.Parse(match.Groups["from"].Value), int.Parse(match.Groups["to"].Value))
            : (int.Parse(match.Groups["from"].Value), int.Parse(match.Groups["from"].Value));
        if (first < 1 || last < first)
        {
            throw new DatasetException($"release '{release}' names an empty or invalid range of files");
        }
        return Enumerable.Range(first, last - first + 1);
    }

    [GeneratedRegex(@"^(?:release_v(?<cumulative>\d+)|v(?<from>\d+)(?:_v(?<to>\d+))?)$")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^test(\d*)\.jsonl$")]
    private static partial Regex FileNumber();
}
