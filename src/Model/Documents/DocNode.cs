namespace GridActors.Model.Documents;

/// <summary>
/// Base of every scenario document object: remembers where it and each of its fields were
/// written, so that later checks can point at the exact line.
/// </summary>
public abstract class DocNode
{
    private readonly Dictionary<string, SourceLocation> fieldLocations = new(StringComparer.Ordinal);

    /// <summary>Where the mapping that holds this object starts.</summary>
    public SourceLocation Location { get; internal set; }

    /// <summary>The field path of this object, e.g. <c>assets[3]</c>.</summary>
    public string Path { get; internal set; } = "";

    /// <summary>The file this object was written in (relative paths inside it resolve from there).</summary>
    public string File => Location.File;

    internal void SetFieldLocation(string field, SourceLocation location) => fieldLocations[field] = location;

    /// <summary>Where a field's value was written, or where this object starts if the field is absent.</summary>
    public SourceLocation LocationOf(string field) =>
        fieldLocations.TryGetValue(field, out var location) ? location : Location;

    public bool Has(string field) => fieldLocations.ContainsKey(field);

    public string PathOf(string field) => Path.Length == 0 ? field : $"{Path}.{field}";
}
