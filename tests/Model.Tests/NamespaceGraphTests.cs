using System.Text.RegularExpressions;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>
/// The product's namespaces import one another along the pipeline (scenario, window, clearing, accounting, output)
/// and never in a circle: no two import each other, directly or through others.
/// </summary>
public sealed partial class NamespaceGraphTests
{
    [Fact]
    public void NoNamespaceOfTheProductImportsItselfThroughOthers()
    {
        var graph = ImportGraph(RepositoryRoot.Path("src"));
        Assert.True(graph.Count > 20, $"only {graph.Count} namespaces found under src/");
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"namespaces import each other in a circle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void TheGraphSeesUsingsAndQualifiedNamesButNotTheNamespaceLine()
    {
        using var folder = new TempScenario();
        folder.Write("One.cs", "using GridActors.B;\n\nnamespace GridActors.A;\n\npublic sealed class One;\n");
        folder.Write("Two.cs", "namespace GridActors.B;\n\npublic sealed class Two { public object Three => new GridActors.B.Inner.Three(); }\n");
        folder.Write("Three.cs", "namespace GridActors.B.Inner;\n\npublic sealed class Three { public object One => new GridActors.A.One(); }\n");
        var graph = ImportGraph(folder.Folder);

        Assert.Equal(["GridActors.B"], graph["GridActors.A"]);
        Assert.Equal(["GridActors.B.Inner"], graph["GridActors.B"]);
        Assert.Equal(["GridActors.A"], graph["GridActors.B.Inner"]);
        Assert.Equal(["GridActors.A", "GridActors.B", "GridActors.B.Inner", "GridActors.A"], FindCycle(graph));
    }

    /// <summary>Each namespace with the namespaces it imports: by a using directive or by a qualified name in its code.</summary>
    private static Dictionary<string, SortedSet<string>> ImportGraph(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(f))
            .Select(text => (Namespace: NamespaceLine().Match(text), Text: text))
            .Where(f => f.Namespace.Success)
            .Select(f => (Namespace: f.Namespace.Groups[1].Value, Code: f.Text.Remove(f.Namespace.Index, f.Namespace.Length)))
            .ToList();
        var known = files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);
        var graph = known.ToDictionary(n => n, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (ns, code) in files)
        {
            foreach (Match reference in QualifiedName().Matches(code))
            {
                // A qualified name is read as the longest namespace it starts with (GridActors.Model.Output.Numbers → GridActors.Model.Output).
                var target = known.Where(k => reference.Value == k || reference.Value.StartsWith(k + ".", StringComparison.Ordinal)).MaxBy(k => k.Length);
                if (target is not null && target != ns)
                {
                    graph[ns].Add(target);
                }
            }
        }
        return graph;
    }

    /// <summary>A circle of imports as the namespaces along it (the first again at the end), or null.</summary>
    private static List<string>? FindCycle(Dictionary<string, SortedSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }
        return null;

        List<string>? Visit(string ns)
        {
            if (path.IndexOf(ns) is var at and >= 0)
            {
                return [.. path[at..], ns];
            }
            if (!done.Add(ns))
            {
                return null;
            }
            path.Add(ns);
            foreach (var next in graph.GetValueOrDefault(ns) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    /// <summary>GridActors.X.Y… in a using directive or in code.</summary>
    [GeneratedRegex(@"(?<![\w.])GridActors(?:\.\w+)+")]
    private static partial Regex QualifiedName();
}
