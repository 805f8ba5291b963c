using GridActors.Model.Documents;
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
    private readonly Dictionary<string, string> directories = new(StringComparer.Ordinal);
    private readonly List<ScenarioError> errors = [];

    /// <summary>When set, every file the scenario names (includes, CSV profiles) must lie under this folder, links resolved.</summary>
    private string? confinement;

    private YamlSourceTree(ScenarioLimits limits)
    {
        Limits = limits;
    }

    /// <summary>The bounds this tree was read under; the profile reader and the validator apply the rest of them.</summary>
    public ScenarioLimits Limits { get; }

    public YamlMappingNode? Root { get; private set; }

    public IReadOnlyList<ScenarioError> Errors => errors;

    public SourceLocation LocationOf(YamlNode node) =>
        locations.TryGetValue(node, out var location) ? location : default;

    /// <summary>Loads <paramref name="path"/> and everything it includes; problems go to <see cref="Errors"/>.</summary>
    public static YamlSourceTree Load(string path, ScenarioLimits? limits = null)
    {
        var tree = new YamlSourceTree(limits ?? ScenarioLimits.Default);
        var full = System.IO.Path.GetFullPath(path);
        tree.Root = tree.LoadFile(full, [], new SourceLocation(DisplayPath(full), 1, 1));
        return tree;
    }

    /// <summary>
    /// Loads a scenario given as text (an upload), named <paramref name="displayName"/> in errors. Its relative
    /// paths resolve against <paramref name="directory"/>, and no file outside that folder may be read.
    /// </summary>
    public static YamlSourceTree LoadText(string text, string displayName, string directory, ScenarioLimits? limits = null)
    {
        var tree = new YamlSourceTree(limits ?? ScenarioLimits.Default) { confinement = WithSeparator(ScenarioFiles.RealPath(directory)) };
        var virtualPath = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), displayName);
        tree.directories[displayName] = System.IO.Path.GetFullPath(directory);
        // A byte-order mark is what some editors put first; the CLI's reader drops it too.
        tree.Root = tree.LoadDocument(text.TrimStart('\uFEFF'), virtualPath, displayName, []);
        return tree;
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> as named in <paramref name="fromFile"/> (a display path of this
    /// tree), or the reason it may not be read.
    /// </summary>
    public (string? FullPath, string? Problem) Reference(string fromFile, string relative)
    {
        // No file name holds a NUL, and .NET's path functions throw on one.
        if (relative.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "the path contains a NUL character, which no file name may have");
        }
        var directory = directories.TryGetValue(fromFile, out var known) ? known : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(fromFile))!;
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, relative));
        // A link inside the folder may point out of it: the check is on where the path really leads.
        return confinement is not null && !ScenarioFiles.RealPath(full).StartsWith(confinement, StringComparison.Ordinal)
            ? (null, $"{relative} is outside the scenarios folder; an uploaded scenario may only name files in it")
            : (full, null);
    }

    private static string WithSeparator(string directory) =>
        directory.EndsWith(System.IO.Path.DirectorySeparatorChar) ? directory : directory + System.IO.Path.DirectorySeparatorChar;

    /// <summary>Paths in messages are shown relative to the working directory when that is shorter.</summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    private YamlMappingNode? LoadFile(string fullPath, List<string> stack, SourceLocation includedFrom)
    {
        var display = DisplayPath(fullPath);
        if (stack.Contains(fullPath, StringComparer.Ordinal))
        {
            errors.Add(new ScenarioError(includedFrom, "include", $"include cycle: {string.Join(" -> ", stack.Append(fullPath).Select(DisplayPath))}"));
            return null;
        }
        var (text, problem) = ScenarioFiles.ReadText(fullPath, Limits.MaxYamlBytes);
        if (text is null)
        {
            errors.Add(new ScenarioError(includedFrom, "", problem!));
            return null;
        }

        directories[display] = System.IO.Path.GetDirectoryName(fullPath)!;
        return LoadDocument(text, fullPath, display, stack);
    }

    private YamlMappingNode? LoadDocument(string text, string fullPath, string display, List<string> stack)
    {
        // YAML forbids NUL, but YamlDotNet reads trailing ones as the end of the text: a file or body padded with
        // them would pass for a scenario.
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = 1 + text.AsSpan(0, nul).Count('\n');
            var column = nul - (text.LastIndexOf('\n', Math.Max(0, nul - 1)) + 1) + 1;
            errors.Add(new ScenarioError(new SourceLocation(display, line, column), "", "a NUL character (byte 0); a scenario is text"));
            return null;
        }
        using var reader = new StringReader(text);
        var stream = new YamlStream();
        var parser = new BoundedYamlParser(reader, Limits);
        try
        {
            stream.Load(parser);
        }
        catch (YamlLimitException e)
        {
            errors.Add(new ScenarioError(At(display, e.At), "", e.Message));
            return null;
        }
        catch (YamlException e)
        {
            errors.Add(new ScenarioError(At(display, e.Start), "", $"not valid YAML: {ErrorText.FirstLine(e.Message)}"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some broken input (a flow list or mapping that never closes);
            // their messages speak of its internals, so say what the usual cause is, at where it stopped.
            errors.Add(new ScenarioError(At(display, parser.Position), "", "not valid YAML: a [ ] list or { } mapping, or a quoted value, does not close before the file ends"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ScenarioError(new SourceLocation(display, 1, 1), "", "a scenario file must be a YAML mapping (field: value lines)"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            // Silently reading only the first would drop whatever the user put after the '---'.
            errors.Add(new ScenarioError(At(display, stream.Documents[1].RootNode.Start), "", "a second YAML document starts here; a scenario file holds one (remove the '---' line, or move the rest to a file of its own)"));
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
                for (var i = 0; i < includes.Children.Count; i++)
                {
                    var item = includes.Children[i];
                    if (item is not YamlScalarNode { Value: { Length: > 0 } relative })
                    {
                        errors.Add(new ScenarioError(LocationOf(item), $"include[{i}]", "expected a file path"));
                        continue;
                    }
                    // Only scenario files: anything else read as YAML would have its lines quoted back in the
                    // errors (`include: [/etc/shadow]` printed 26 of them).
                    if (!relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(new ScenarioError(LocationOf(item), $"include[{i}]", $"'{ErrorText.Quote(relative)}' is not a .yaml or .yml file; include names scenario files only"));
                        continue;
                    }
                    var (target, problem) = Reference(display, relative);
                    if (target is null)
                    {
                        errors.Add(new ScenarioError(LocationOf(item), $"include[{i}]", problem!));
                        continue;
                    }
                    var included = LoadFile(target, stack, LocationOf(item));
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

    private static SourceLocation At(string display, Mark mark) => new(display, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

}
