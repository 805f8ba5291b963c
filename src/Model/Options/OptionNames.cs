using GridActors.Model.PlacementPolicies;

namespace GridActors.Model.Options;

/// <summary>
/// The names of the run options' values, as the command line, the API, run.json and summary.json spell them: one
/// table per option, so that an enum value and its name are paired in one place.
/// </summary>
public static class OptionNames
{
    public static NamedValues<RunMode> Mode { get; } = new("a mode", [("negotiated", RunMode.Negotiated), ("optimal", RunMode.Optimal)]);

    /// <summary>Compute placement; the API also takes <c>carbon_greedy</c>.</summary>
    public static NamedValues<Placement> Placement { get; } = new("a placement",
        [("negotiated", PlacementPolicies.Placement.Negotiated), ("local", PlacementPolicies.Placement.Local), ("carbon-greedy", PlacementPolicies.Placement.CarbonGreedy)],
        [("carbon_greedy", PlacementPolicies.Placement.CarbonGreedy)]);

    public static NamedValues<Clearing> Clearing { get; } = new("a clearing",
        [("auto", Options.Clearing.Auto), ("central", Options.Clearing.Central), ("regional", Options.Clearing.Regional)]);

    public static NamedValues<ResultFormat> Format { get; } = new("a result format", [("csv", ResultFormat.Csv), ("parquet", ResultFormat.Parquet), ("both", ResultFormat.Both)]);
}

/// <summary>The values of one option and their names.</summary>
/// <param name="noun">What a value is called in an error, with its article ("a clearing").</param>
/// <param name="values">Each value with its name, in the order users are shown them.</param>
/// <param name="aliases">Other names accepted for a value, never written.</param>
public sealed class NamedValues<T>(string noun, IReadOnlyList<(string Name, T Value)> values, IReadOnlyList<(string Name, T Value)>? aliases = null)
    where T : struct, Enum
{
    /// <summary>Every value's name, in the order they are listed to users.</summary>
    public IReadOnlyList<string> Names { get; } = [.. values.Select(v => v.Name)];

    public string Name(T value) => values.First(v => EqualityComparer<T>.Default.Equals(v.Value, value)).Name;

    /// <summary>The value of a name or alias (exact, lower case), or null.</summary>
    public T? Parse(string name) =>
        values.Concat(aliases ?? []).Where(v => v.Name == name).Select(v => (T?)v.Value).FirstOrDefault();

    /// <summary>Why a given text is no value: "'x' is not a clearing; use auto, central or regional".</summary>
    public string NotOne(string given) =>
        $"'{Loading.ErrorText.Quote(given)}' is not {noun}; use {string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}";
}
