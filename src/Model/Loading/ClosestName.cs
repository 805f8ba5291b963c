namespace GridActors.Model.Loading;

/// <summary>
/// Suggests the known name closest to a misspelt one (Levenshtein distance, ignoring case), and only when it is
/// close: at most one edit in three letters, so 'lignite' suggests nothing rather than 'biomass', 'C' nothing
/// rather than 'A', while 'capacty_mw' suggests 'capacity_mw'.
/// </summary>
public static class ClosestName
{
    public static string? Find(string wrong, IEnumerable<string> known)
    {
        var upper = wrong.ToUpperInvariant();
        return known
            .Select(name => (Name: name, Distance: Distance(upper, name.ToUpperInvariant())))
            .Where(c => c.Distance * 3 <= Math.Max(wrong.Length, c.Name.Length) && c.Name.Length <= 64)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>
    /// "; did you mean 'x'?" for a close name; else, when there are only a few short names, "; expected one of
    /// 'a', 'b'"; else nothing.
    /// </summary>
    public static string Hint(string wrong, IEnumerable<string> known)
    {
        var names = known.ToList();
        if (Find(wrong, names) is { } best)
        {
            return $"; did you mean '{best}'?";
        }
        return names.Count is > 0 and <= 8 && names.All(n => n.Length <= 64)
            ? $"; expected one of {string.Join(", ", names.Order(StringComparer.Ordinal).Select(n => $"'{n}'"))}"
            : "";
    }

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
