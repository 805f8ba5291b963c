using YamlDotNet.RepresentationModel;

namespace GridActors.Model.Loading;

/// <summary>
/// The include rule of the scenario format: lists of things with ids merge by id (an item with an
/// id seen before is merged key by key onto it, a new id is appended), compute links by their
/// from/to pair, the maps horizon, economics, profiles and compute merge key by key, and any
/// other value is replaced by the later file's.
/// </summary>
internal static class ScenarioMerge
{
    private static readonly HashSet<string> KeyedMaps = ["horizon", "economics", "profiles", "compute"];

    public static YamlMappingNode Merge(YamlMappingNode earlier, YamlMappingNode later, YamlSourceTree tree)
    {
        var result = new YamlMappingNode();
        tree.Adopt(result, later.Children.Count > 0 ? later : earlier);
        foreach (var (key, value) in earlier.Children)
        {
            result.Add(key, value);
        }
        foreach (var (key, value) in later.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!result.Children.TryGetValue(key, out var existing))
            {
                result.Children[key] = value;
                continue;
            }
            result.Children[key] = MergeValue(name, existing, value, tree);
        }
        return result;
    }

    private static YamlNode MergeValue(string field, YamlNode earlier, YamlNode later, YamlSourceTree tree)
    {
        switch (field)
        {
            case "regions" or "links" or "assets" when earlier is YamlSequenceNode a && later is YamlSequenceNode b:
                return MergeList(a, b, tree, item => Scalar(item, "id"));
        }
        if (KeyedMaps.Contains(field) && earlier is YamlMappingNode mapA && later is YamlMappingNode mapB)
        {
            return field == "compute" ? MergeCompute(mapA, mapB, tree) : MergeShallow(mapA, mapB, tree);
        }
        return later;
    }

    private static YamlMappingNode MergeCompute(YamlMappingNode earlier, YamlMappingNode later, YamlSourceTree tree)
    {
        var result = MergeShallow(earlier, later, tree);
        var workloads = new YamlScalarNode("workloads");
        var links = new YamlScalarNode("links");
        if (earlier.Children.TryGetValue(workloads, out var wa) && later.Children.TryGetValue(workloads, out var wb)
            && wa is YamlSequenceNode sa && wb is YamlSequenceNode sb)
        {
            result.Children[workloads] = MergeList(sa, sb, tree, item => Scalar(item, "id"));
        }
        if (earlier.Children.TryGetValue(links, out var la) && later.Children.TryGetValue(links, out var lb)
            && la is YamlSequenceNode qa && lb is YamlSequenceNode qb)
        {
            result.Children[links] = MergeList(qa, qb, tree, item => Scalar(item, "from") + "\u0001" + Scalar(item, "to"));
        }
        return result;
    }

    private static YamlMappingNode MergeShallow(YamlMappingNode earlier, YamlMappingNode later, YamlSourceTree tree)
    {
        var result = new YamlMappingNode();
        tree.Adopt(result, later);
        foreach (var (key, value) in earlier.Children)
        {
            result.Add(key, value);
        }
        foreach (var (key, value) in later.Children)
        {
            result.Children[key] = value;
        }
        return result;
    }

    private static YamlSequenceNode MergeList(YamlSequenceNode earlier, YamlSequenceNode later, YamlSourceTree tree, Func<YamlNode, string?> keyOf)
    {
        var items = new List<YamlNode>(earlier.Children);
        foreach (var item in later.Children)
        {
            var key = keyOf(item);
            var index = key is null ? -1 : items.FindIndex(existing => keyOf(existing) == key);
            if (index >= 0 && items[index] is YamlMappingNode before && item is YamlMappingNode after)
            {
                items[index] = MergeShallow(before, after, tree);
            }
            else
            {
                items.Add(item);
            }
        }
        var result = new YamlSequenceNode(items);
        tree.Adopt(result, later);
        return result;
    }

    private static string? Scalar(YamlNode item, string field) =>
        item is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(field), out var value) && value is YamlScalarNode scalar
            ? scalar.Value
            : null;
}
