using System.Xml.Linq;

namespace Pipeline.UnitTests.Layout;

/// <summary>The repository's projects and their references, read from the .csproj files (paths relative to the root, with '/').</summary>
internal sealed record ProjectGraph(IReadOnlyList<string> Projects, IReadOnlyList<(string From, string To)> References, IReadOnlyList<(string Project, string File)> ForeignCompiles)
{
    /// <summary>Executables: the services and the tools. Nothing may reference one (docs/decisions/014).</summary>
    public static bool IsHost(string project) => project.StartsWith("services/", StringComparison.Ordinal) || project.StartsWith("tools/", StringComparison.Ordinal);

    public static ProjectGraph Read(string root)
    {
        var projects = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".artifacts"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var references = new List<(string, string)>();
        var foreignCompiles = new List<(string, string)>();
        foreach (var project in projects)
        {
            var folder = Path.GetDirectoryName(project)!;
            var items = XDocument.Load(project).Descendants().ToList();
            references.AddRange(items.Where(item => item.Name.LocalName == "ProjectReference")
                .Select(item => (Relative(root, project), Relative(root, Resolve(folder, item)))));
            foreignCompiles.AddRange(items.Where(item => item.Name.LocalName == "Compile")
                .Select(item => Resolve(folder, item))
                .Where(file => !file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(file => (Relative(root, project), Relative(root, file))));
        }
        return new ProjectGraph(projects.Select(p => Relative(root, p)).ToList(), references, foreignCompiles);
    }

    /// <summary>Every reference that points at a host, as "from -> to".</summary>
    public IReadOnlyList<string> ReferencesToHosts() =>
        References.Where(reference => IsHost(reference.To)).Select(reference => $"{reference.From} -> {reference.To}").ToList();

    private static string Resolve(string folder, XElement item) =>
        Path.GetFullPath(Path.Combine(folder, ((string?)item.Attribute("Include") ?? "").Replace('\\', Path.DirectorySeparatorChar)));

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
