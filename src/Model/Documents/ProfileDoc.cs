namespace GridActors.Model.Documents;

/// <summary>A named time series; exactly one of values, csv or synthetic gives its source.</summary>
public sealed class ProfileDoc : DocNode
{
    [Field("values", "Inline per-unit values; a list shorter than the horizon repeats from its start.")]
    public List<double>? Values { get; set; }

    [Field("csv", "Path of a CSV file, relative to the scenario file that names it.", MaxLength = 1000)]
    public string? Csv { get; set; }

    [Field("column", "CSV column to read (header name).")]
    public string? Column { get; set; }

    [Field("offset", "Data rows to skip after the header before the first step.", Minimum = 0, Default = 0)]
    public int Offset { get; set; }

    [Field("normalize", "Divide CSV values by the column's peak or mean, or take them as they are.", OneOf = ["none", "peak", "mean"], Default = "none")]
    public string Normalize { get; set; } = "none";

    [Field("synthetic", "Generated profile: clear-sky solar with seeded clouds, or seeded autocorrelated wind.", OneOf = ["solar", "wind"])]
    public string? Synthetic { get; set; }

    [Field("latitude", "Degrees north (synthetic solar).", Minimum = -90, Maximum = 90)]
    public double? Latitude { get; set; }

    [Field("longitude", "Degrees east (synthetic solar).", Minimum = -180, Maximum = 180)]
    public double? Longitude { get; set; }

    [Field("capacity_factor", "Mean over a year of the synthetic profile.", ExclusiveMinimum = 0, Maximum = 1)]
    public double? CapacityFactor { get; set; }

    [Field("seed", "Extra seed for a synthetic profile, mixed with the scenario seed.")]
    public int? Seed { get; set; }

    [Field("scale", "Multiplier applied to every value.", Minimum = 0, Default = 1)]
    public double Scale { get; set; } = 1;
}
