using System.Reflection;

namespace Pipeline.Evaluations.Dashboard;

/// <summary>
/// The dashboard's page, scripts and styles, embedded in this assembly at build time (Chart.js from the pinned npm
/// package in web/), so the API serves everything the browser needs and a report can inline it: no network needed.
/// </summary>
public static class DashboardAssets
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["chart.umd.min.js"] = "text/javascript; charset=utf-8",
        ["format.js"] = "text/javascript; charset=utf-8",
        ["charts.js"] = "text/javascript; charset=utf-8",
        ["pages.js"] = "text/javascript; charset=utf-8",
        ["run-page.js"] = "text/javascript; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>The scripts in the order the page loads them.</summary>
    public static readonly IReadOnlyList<string> Scripts = ["chart.umd.min.js", "format.js", "charts.js", "pages.js", "run-page.js", "app.js"];

    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"dashboard/{name}")
            ?? throw new FileNotFoundException($"dashboard asset {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
