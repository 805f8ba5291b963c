namespace GridActors.Model.Loading;

/// <summary>Suggests the known name closest to a misspelt one (Levenshtein distance).</summary>
public static class ClosestName
{
    public static string? Find(string wrong, IEnumerable<string> known) =>
        known.OrderBy(name => Distance(wrong.ToUpperInvariant(), name.ToUpperInvariant())).ThenBy(name => name, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>" (did you mean 'x'?)" or nothing when there is no candidate.</summary>
    public static string Hint(string wrong, IEnumerable<string> known) =>
        Find(wrong, known) is { } best ? $"; did you mean '{best}'?" : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
