namespace GridActors.Model.Documents;

/// <summary>
/// Binds a document property to a YAML field. The loader, the validator's range checks and the
/// JSON Schema generator all read this one attribute, so the three cannot drift apart.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FieldAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public bool Required { get; init; }

    /// <summary>Inclusive lower bound; NaN when unbounded.</summary>
    public double Minimum { get; init; } = double.NaN;

    /// <summary>Exclusive lower bound; NaN when unbounded.</summary>
    public double ExclusiveMinimum { get; init; } = double.NaN;

    /// <summary>Inclusive upper bound; NaN when unbounded.</summary>
    public double Maximum { get; init; } = double.NaN;

    /// <summary>Exclusive upper bound; NaN when unbounded.</summary>
    public double ExclusiveMaximum { get; init; } = double.NaN;

    /// <summary>
    /// The largest magnitude this field may have, where the scenario-wide limit (1e9) is too small: money per year such
    /// as an enterprise's value added, which is only scaled, never multiplied by energy. NaN: the scenario-wide limit.
    /// </summary>
    public double MaxMagnitude { get; init; } = double.NaN;

    /// <summary>
    /// The most characters a text value of this field may have; 0: the loader's <c>ScenarioLimits.MaxTextLength</c>, the
    /// bound of ids, names and labels (an id is written on every row of a table, so its length multiplies the output).
    /// </summary>
    public int MaxLength { get; init; }

    /// <summary>The only strings allowed, when the field is an enumeration.</summary>
    public string[]? OneOf { get; init; }

    /// <summary>A regular expression the string must match in full.</summary>
    public string? Pattern { get; init; }

    /// <summary>Default value shown in the schema and docs (the property initialiser is what applies).</summary>
    public object? Default { get; init; }
}

/// <summary>A document base class whose concrete type is chosen by the value of one field.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DiscriminatorAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}

/// <summary>The discriminator values that select this document class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class VariantAttribute(params string[] values) : Attribute
{
    public string[] Values { get; } = values;
}
