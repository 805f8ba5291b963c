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

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
