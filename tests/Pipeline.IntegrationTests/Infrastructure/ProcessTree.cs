namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>Reads /proc to see what a service process is doing through its children.</summary>
public static class ProcessTree
{
    /// <summary>
    /// True when an Executor has a sample in flight: its warm Python worker forks one child per sample, so a
    /// python process whose parent is a python process exists only while a sample is graded.
    /// </summary>
    public static bool IsGrading(int executorPid)
    {
        var parents = Snapshot();
        var descendants = Descendants(executorPid, parents);
        return descendants.Any(pid => IsPython(pid) && parents.TryGetValue(pid, out var parent) && descendants.Contains(parent) && IsPython(parent));
    }

    private static HashSet<int> Descendants(int root, Dictionary<int, int> parents)
    {
        var found = new HashSet<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var pid))
        {
            foreach (var child in parents.Where(p => p.Value == pid).Select(p => p.Key))
            {
                if (found.Add(child))
                {
                    frontier.Enqueue(child);
                }
            }
        }
        return found;
    }

    /// <summary>Process id to parent id, for every process alive now.</summary>
    private static Dictionary<int, int> Snapshot()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // exited while we looked
            }
        }
        return parents;
    }

    private static bool IsPython(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").StartsWith("python", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
