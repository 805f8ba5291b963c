using System.Globalization;

namespace GridActors.Model.Output;

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

    /// <summary>
    /// Writes <see cref="Format"/>'s text into <paramref name="buffer"/> without the custom format's cost (a result
    /// folder writes millions of numbers a window), when that is sure to give the same text: between 1e-4 and 1e9 a
    /// number with at most 6 decimals is the shortest text that reads back as its double (doubles there are finer than
    /// 1e-6), which is .NET's own text for it. False outside that range: then use <see cref="Format"/>.
    /// </summary>
    public static bool TryWrite(double value, Span<char> buffer, out int written)
    {
        var rounded = Round(value);
        if (rounded == 0 && buffer.Length > 0)
        {
            buffer[0] = '0';
            written = 1;
            return true;
        }
        var magnitude = Math.Abs(rounded);
        written = 0;
        return magnitude >= 1e-4 && magnitude < 1e9 && rounded.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
    }

    /// <summary>"1 link", "2 links": a count with its noun in the right number (nouns that take an "s").</summary>
    public static string Count(long count, string noun) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    /// <summary>
    /// A time as every output writes it: ISO-8601 in the scenario's own offset (2024-07-01T08:00:00+08:00), the clock
    /// planners read; the same instant as the SSE stream and the page show.
    /// </summary>
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
