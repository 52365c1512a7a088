using System.Text.Json;

namespace Pipeline.Evaluations.Dashboard;

/// <summary>
/// One self-contained HTML file: the dashboard's page with its styles and scripts inlined and the data it would fetch
/// written in, so it opens offline and makes no request. The front end reads window.PIPELINE_REPORT instead of the API.
/// </summary>
public static class HtmlReport
{
    private const string ScriptsStart = "<!-- scripts -->";
    private const string ScriptsEnd = "<!-- /scripts -->";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Build(ReportData data)
    {
        var page = DashboardAssets.Read("index.html");
        var styles = $"<style>\n{DashboardAssets.Read("dashboard.css")}\n</style>";
        // "</" inside JSON or scripts would end the script element early; "<\/" means the same to JavaScript.
        var payload = JsonSerializer.Serialize(data, Json).Replace("</", "<\\/", StringComparison.Ordinal);
        var scripts = string.Join("\n", DashboardAssets.Scripts.Select(s => $"<script>\n{DashboardAssets.Read(s).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}\n</script>"));
        var start = page.IndexOf(ScriptsStart, StringComparison.Ordinal);
        var end = page.IndexOf(ScriptsEnd, StringComparison.Ordinal) + ScriptsEnd.Length;
        return string.Concat(page.AsSpan(0, start), $"<script>window.PIPELINE_REPORT = {payload};</script>\n{scripts}", page.AsSpan(end))
            .Replace("<link rel=\"stylesheet\" href=\"assets/dashboard.css\">", styles, StringComparison.Ordinal);
    }
}
