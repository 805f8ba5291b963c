namespace GridActors.Model.Tests;

/// <summary>A throwaway folder of scenario files for one test.</summary>
public sealed class TempScenario : IDisposable
{
    public TempScenario() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "gridactors-tests", Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public const string Minimal = """
        format: 1
        name: minimal
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: 4 }
        regions:
          - { id: A }
        profiles:
          flat: { values: [1] }
        assets:
          - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 100, marginal_cost_per_mwh: 10 }
          - { id: town, type: load, region: A, peak_mw: 50, profile: flat }
        """;
}
