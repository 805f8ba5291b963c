using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GridActors.Model.Loading;

/// <summary>
/// YamlDotNet's parser with two bounds that its node builder lacks: the nesting depth (the builder recurses, so
/// 50,000 '[' would overflow the stack) and the number of nodes with every alias expanded (ten levels of aliases
/// that each repeat the last ten times are 10^10 nodes for whatever walks the tree). Either breach stops the parse
/// with a <see cref="YamlLimitException"/> at the offending position. A third thing the builder cannot take is an
/// alias inside the very list or mapping its anchor names (<c>r: &amp;r [*r]</c>): the tree would contain itself and every
/// walk of it would recurse until the stack overflows, so that is refused here as well, as a cycle.
/// </summary>
internal sealed class BoundedYamlParser(TextReader reader, ScenarioLimits limits) : IParser
{
    private readonly Scanner scanner = new(reader, skipComments: true);
    private Parser? inner;

    /// <summary>Nodes counted so far in each open collection (the innermost last), with the anchor it carries.</summary>
    private readonly List<(long Nodes, AnchorName Anchor)> open = [];
    private readonly Dictionary<AnchorName, long> anchorSizes = [];

    /// <summary>Anchors whose latest definition is a list or mapping still open: an alias to one of them is a cycle.</summary>
    private readonly HashSet<AnchorName> openAnchors = [];
    private long total;

    public ParsingEvent? Current => inner?.Current;

    /// <summary>Where the parser stands: the best location for an error its own message does not place.</summary>
    public Mark Position => inner?.Current?.Start ?? scanner.CurrentPosition;

    public bool MoveNext()
    {
        inner ??= new Parser(scanner);
        if (!inner.MoveNext())
        {
            return false;
        }
        switch (inner.Current)
        {
            case SequenceStart start:
                Open(start, start.Anchor);
                break;
            case MappingStart start:
                Open(start, start.Anchor);
                break;
            case SequenceEnd or MappingEnd:
                Close();
                break;
            case Scalar scalar:
                Count(scalar, 1);
                if (!scalar.Anchor.IsEmpty)
                {
                    anchorSizes[scalar.Anchor] = 1;
                    openAnchors.Remove(scalar.Anchor);
                }
                break;
            case AnchorAlias alias:
                if (openAnchors.Contains(alias.Value))
                {
                    throw new YamlLimitException(alias.Start, $"alias cycle: *{alias.Value} stands inside the list or mapping that &{alias.Value} names, so that value would contain itself; an alias may only repeat a value that ends before it");
                }
                // An alias to an unknown anchor is the parser's error to report; it counts as one node here.
                Count(alias, anchorSizes.GetValueOrDefault(alias.Value, 1));
                break;
        }
        return true;
    }

    private void Open(ParsingEvent start, AnchorName anchor)
    {
        if (open.Count >= limits.MaxDepth)
        {
            throw new YamlLimitException(start.Start, $"too large to read: lists and mappings are nested more than {limits.MaxDepth} deep");
        }
        open.Add((0, anchor));
        if (!anchor.IsEmpty)
        {
            openAnchors.Add(anchor);
        }
    }

    private void Close()
    {
        if (open.Count == 0)
        {
            return;
        }
        var (nodes, anchor) = open[^1];
        open.RemoveAt(open.Count - 1);
        var size = nodes + 1;
        if (!anchor.IsEmpty)
        {
            anchorSizes[anchor] = size;
            openAnchors.Remove(anchor);
        }
        if (open.Count > 0)
        {
            open[^1] = (open[^1].Nodes + size, open[^1].Anchor);
        }
        total += 1;
        Check(inner!.Current!);
    }

    private void Count(ParsingEvent at, long nodes)
    {
        if (open.Count > 0)
        {
            open[^1] = (open[^1].Nodes + nodes, open[^1].Anchor);
        }
        total += nodes;
        Check(at);
    }

    private void Check(ParsingEvent at)
    {
        if (total > limits.MaxNodes)
        {
            throw new YamlLimitException(at.Start, $"too large to read: the document has more than {limits.MaxNodes:N0} values once its aliases are expanded");
        }
    }
}

/// <summary>A YAML document over one of <see cref="ScenarioLimits"/>' bounds, or one whose aliases make a cycle; the message is the whole sentence.</summary>
public sealed class YamlLimitException(Mark at, string message) : Exception(message)
{
    public Mark At { get; } = at;
}
