using System.Globalization;

namespace GridActors.Model.Results;

/// <summary>
/// How numbers are written to result files: rounded to 6 decimals (a microwatt-hour is far below
/// any meaningful quantity) so that the files are byte-identical between runs, '.' as separator.
/// </summary>
public static class Numbers
{
    public static double Round(double value)
    {
        var rounded = Math.Round(value, 6, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded;
    }

    public static string Format(double value) => Round(value).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>"1 link", "2 links": a count with its noun in the right number (nouns that take an "s").</summary>
    public static string Count(long count, string noun) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    /// <summary>
    /// A time as every output writes it: ISO-8601 in the scenario's own offset (2024-07-01T08:00:00+08:00), the clock
    /// planners read; the same instant as the SSE stream and the page show.
    /// </summary>
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
