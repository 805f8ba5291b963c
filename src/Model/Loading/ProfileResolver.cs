using GridActors.Model.Documents;
using GridActors.Model.Profiles;

namespace GridActors.Model.Loading;

/// <summary>Expands a profile document to one value per horizon step, from whichever source it names.</summary>
public sealed class ProfileResolver(int scenarioSeed, DateTimeOffset start, int steps, int stepMinutes, ICollection<ScenarioError> errors, YamlSourceTree files)
{
    private readonly CsvFiles csvFiles = new(files.Limits);

    public double[]? Resolve(string name, ProfileDoc profile)
    {
        var sources = new[] { profile.Values is not null, profile.Csv is not null, profile.Synthetic is not null }.Count(x => x);
        if (sources != 1)
        {
            Error(profile, "", sources == 0
                ? "a profile needs exactly one source: values, csv or synthetic"
                : "a profile takes exactly one source: values, csv or synthetic, not several");
            return null;
        }

        var values = profile switch
        {
            { Values: { } inline } => Inline(profile, inline),
            { Csv: { } csv } => Csv(profile, csv),
            { Synthetic: "solar" } => Solar(name, profile),
            { Synthetic: "wind" } => Wind(name, profile),
            _ => null,
        };
        if (values is null)
        {
            return null;
        }
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= profile.Scale;
            if (values[i] < 0)
            {
                Error(profile, "", $"profile values must not be negative (step {i} is {values[i]})");
                return null;
            }
            if (values[i] > files.Limits.MaxMagnitude)
            {
                Error(profile, "", $"profile values must be at most {files.Limits.MaxMagnitude:G} (step {i} is {values[i]:G})");
                return null;
            }
        }
        return values;
    }

    private double[]? Inline(ProfileDoc profile, List<double> inline)
    {
        if (inline.Count == 0)
        {
            Error(profile, "values", "needs at least one value");
            return null;
        }
        var values = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            values[i] = inline[i % inline.Count];
        }
        return values;
    }

    private double[]? Csv(ProfileDoc profile, string csv)
    {
        if (profile.Column is null)
        {
            Error(profile, "column", "required with csv");
            return null;
        }
        var (path, problem) = files.Reference(profile.File, csv);
        if (path is null)
        {
            Error(profile, "csv", problem!);
            return null;
        }
        return CsvProfile.Read(path, profile.Column, profile.Offset, profile.Normalize, steps, profile.LocationOf("csv"), profile.Path, errors, csvFiles);
    }

    private double[]? Solar(string name, ProfileDoc profile)
    {
        var ok = Require(profile, "latitude", profile.Latitude) & Require(profile, "longitude", profile.Longitude) & Require(profile, "capacity_factor", profile.CapacityFactor);
        return ok
            ? SolarProfile.Generate(start, steps, stepMinutes, profile.Latitude!.Value, profile.Longitude!.Value, profile.CapacityFactor!.Value, new SeededRandom(scenarioSeed, "profile/" + name, profile.Seed ?? 0))
            : null;
    }

    private double[]? Wind(string name, ProfileDoc profile) =>
        Require(profile, "capacity_factor", profile.CapacityFactor)
            ? WindProfile.Generate(steps, stepMinutes, profile.CapacityFactor!.Value, new SeededRandom(scenarioSeed, "profile/" + name, profile.Seed ?? 0))
            : null;

    private bool Require(ProfileDoc profile, string field, double? value)
    {
        if (value is null)
        {
            Error(profile, field, $"required with synthetic: {profile.Synthetic}");
        }
        return value is not null;
    }

    private void Error(ProfileDoc profile, string field, string message) =>
        errors.Add(new ScenarioError(field.Length == 0 ? profile.Location : profile.LocationOf(field), field.Length == 0 ? profile.Path : profile.PathOf(field), message));
}
