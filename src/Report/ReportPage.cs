using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using GridActors.Model.Output;

namespace GridActors.Report;

/// <summary>
/// Writes report.html into a result folder (a run's, an optimisation's or a comparison's): one self-contained file
/// with the charting library, the page's script and style and the folder's digest inlined, so it opens offline.
/// </summary>
public static partial class ReportPage
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{TITLE\}\}|/\*(STYLE|CHARTS|DATA|SCRIPT)\*/")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    public const string FileName = ResultFiles.Report;

    /// <summary>Writes the report; returns its path and how long it took.</summary>
    public static (string Path, double Seconds) Write(string folder)
    {
        var watch = Stopwatch.StartNew();
        var data = Data(folder);
        var title = Title(data);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{TITLE}}"] = System.Net.WebUtility.HtmlEncode(title),
            ["/*STYLE*/"] = Resource("report.css"),
            ["/*CHARTS*/"] = Resource("echarts.min.js"),
            ["/*DATA*/"] = "window.REPORT_DATA = " + ResultDigest.ToScriptJson(data) + ";",
            ["/*SCRIPT*/"] = Resource("report.js"),
        };
        // One pass over the template: what is put in is never searched again, whatever the library's text holds.
        var html = Placeholder().Replace(Resource("report.html"), m => parts[m.Value]);
        var path = Path.Combine(folder, FileName);
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(html));
        return (path, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The folders of a comparison: the negotiated run, and the whole-horizon optimum, the rolling optimum or both.</summary>
    private static readonly string[] OptimumFolders = [ResultFiles.OptimalFolder, ResultFiles.RollingOptimalFolder];
    private static readonly string[] FilesRead = [ResultFiles.Summary, ResultFiles.Csv(ResultFiles.Regions), ResultFiles.Csv(ResultFiles.Links), ResultFiles.Csv(ResultFiles.Datacenters)];

    /// <summary>Why a folder cannot be reported on, or null when it can.</summary>
    public static string? Problem(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return $"result folder {folder} does not exist";
        }
        if (File.Exists(Path.Combine(folder, ResultFiles.Compare)))
        {
            var optima = OptimumFolders.Where(m => Directory.Exists(Path.Combine(folder, m))).ToArray();
            return optima.Length == 0
                ? $"{folder} holds compare.json but neither optimal/ nor rolling-optimal/"
                : optima.Prepend(ResultFiles.NegotiatedFolder).Select(m => Problem(Path.Combine(folder, m))).FirstOrDefault(p => p is not null);
        }
        var missing = FilesRead.Where(f => !File.Exists(Path.Combine(folder, f))).ToArray();
        return missing.Length == 0 ? null : $"{folder} is not a GridActors result folder: {string.Join(", ", missing)} missing";
    }

    private static JsonObject Data(string folder)
    {
        if (File.Exists(Path.Combine(folder, ResultFiles.Compare)))
        {
            var data = new JsonObject
            {
                ["compare"] = ResultJson.Read(folder, ResultFiles.Compare),
                ["negotiated"] = ResultDigest.Read(Path.Combine(folder, ResultFiles.NegotiatedFolder)),
            };
            foreach (var (name, key) in new[] { (ResultFiles.OptimalFolder, "optimal"), (ResultFiles.RollingOptimalFolder, "rolling") })
            {
                if (Directory.Exists(Path.Combine(folder, name)))
                {
                    data[key] = ResultDigest.Read(Path.Combine(folder, name));
                }
            }
            return data;
        }
        return new JsonObject { ["result"] = ResultDigest.Read(folder) };
    }

    private static string Title(JsonObject data)
    {
        var summary = (data["result"] ?? data["negotiated"])!["summary"]!;
        var kind = data.ContainsKey("compare") ? "negotiated vs optimal" : Text(summary["mode"]);
        return $"GridActors report: {Text(summary["scenario"])} ({kind})";
    }

    /// <summary>A text field of summary.json for the title, whatever an edited file holds there (the title is HTML-encoded).</summary>
    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? Model.Loading.ErrorText.Quote(text) : "?";

    /// <summary>The charting library (Apache ECharts) as built in, for the live dashboard.</summary>
    public static Stream ChartingLibrary() => typeof(ReportPage).Assembly.GetManifestResourceStream("page/echarts.min.js")
        ?? throw new InvalidOperationException("the charting library is missing from the build");

    private static string Resource(string name)
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream("page/" + name)
            ?? throw new InvalidOperationException($"the report's {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
