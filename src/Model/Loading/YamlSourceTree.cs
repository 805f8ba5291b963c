using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GridActors.Model.Loading;

/// <summary>
/// Reads a scenario file and its includes into one merged YAML tree, remembering for every
/// node the file and position it came from so errors can point at the right place.
/// </summary>
public sealed class YamlSourceTree
{
    private readonly Dictionary<YamlNode, SourceLocation> locations = new(ReferenceEqualityComparer.Instance);
    private readonly List<ScenarioError> errors = [];

    private YamlSourceTree() { }

    public YamlMappingNode? Root { get; private set; }

    public IReadOnlyList<ScenarioError> Errors => errors;

    public SourceLocation LocationOf(YamlNode node) =>
        locations.TryGetValue(node, out var location) ? location : default;

    /// <summary>Loads <paramref name="path"/> and everything it includes; problems go to <see cref="Errors"/>.</summary>
    public static YamlSourceTree Load(string path)
    {
        var tree = new YamlSourceTree();
        var full = System.IO.Path.GetFullPath(path);
        tree.Root = tree.LoadFile(full, [], new SourceLocation(DisplayPath(full), 1, 1));
        return tree;
    }

    /// <summary>Paths in messages are shown relative to the working directory when that is shorter.</summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    private YamlMappingNode? LoadFile(string fullPath, List<string> stack, SourceLocation includedFrom)
    {
        var display = DisplayPath(fullPath);
        if (!File.Exists(fullPath))
        {
            errors.Add(new ScenarioError(includedFrom, "", $"file not found: {display}"));
            return null;
        }
        if (stack.Contains(fullPath, StringComparer.Ordinal))
        {
            errors.Add(new ScenarioError(includedFrom, "include", $"include cycle: {string.Join(" -> ", stack.Append(fullPath).Select(DisplayPath))}"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(fullPath);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            errors.Add(new ScenarioError(new SourceLocation(display, (int)e.Start.Line, (int)e.Start.Column), "", $"not valid YAML: {FirstLine(e.Message)}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ScenarioError(new SourceLocation(display, 1, 1), "", "a scenario file must be a YAML mapping (field: value lines)"));
            return null;
        }
        Register(root, display);

        var merged = new YamlMappingNode();
        locations[merged] = LocationOf(root);
        var includeKey = new YamlScalarNode("include");
        if (root.Children.TryGetValue(includeKey, out var includeNode))
        {
            if (includeNode is not YamlSequenceNode includes)
            {
                errors.Add(new ScenarioError(LocationOf(includeNode), "include", "expected a list of file paths"));
            }
            else
            {
                stack.Add(fullPath);
                var directory = System.IO.Path.GetDirectoryName(fullPath)!;
                for (var i = 0; i < includes.Children.Count; i++)
                {
                    var item = includes.Children[i];
                    if (item is not YamlScalarNode { Value: { Length: > 0 } relative })
                    {
                        errors.Add(new ScenarioError(LocationOf(item), $"include[{i}]", "expected a file path"));
                        continue;
                    }
                    var included = LoadFile(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, relative)), stack, LocationOf(item));
                    if (included is not null)
                    {
                        merged = ScenarioMerge.Merge(merged, included, this);
                    }
                }
                stack.RemoveAt(stack.Count - 1);
            }
        }

        var own = new YamlMappingNode();
        locations[own] = LocationOf(root);
        foreach (var (key, value) in root.Children)
        {
            if (!key.Equals(includeKey))
            {
                own.Add(key, value);
            }
        }
        return ScenarioMerge.Merge(merged, own, this);
    }

    internal void Adopt(YamlNode synthesized, YamlNode original) => locations[synthesized] = LocationOf(original);

    private void Register(YamlNode node, string file)
    {
        locations[node] = new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    Register(key, file);
                    Register(value, file);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Register(child, file);
                }
                break;
        }
    }

    private static string FirstLine(string message)
    {
        var index = message.IndexOf('\n', StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }
}
