namespace GridActors.Model.Profiles;

/// <summary>
/// Synthetic solar availability: the clear-sky sine of the sun's elevation at the site, times a
/// daily clearness index that follows a seeded autocorrelated process, scaled so that the mean
/// over the calendar year the horizon starts in equals the capacity factor, then capped at 1.
/// </summary>
public static class SolarProfile
{
    private const double DailyCorrelation = 0.6;

    public static double[] Generate(DateTimeOffset start, int steps, int stepMinutes, double latitude, double longitude, double capacityFactor, SeededRandom random)
    {
        var yearStart = new DateTimeOffset(start.UtcDateTime.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var stepsPerDay = 1440 / stepMinutes;
        var firstStep = (int)Math.Floor((start - yearStart).TotalMinutes / stepMinutes);
        var daysNeeded = Math.Max(366, (firstStep + steps) / stepsPerDay + 2);
        var clearness = DailyClearness(daysNeeded, random);

        double Raw(int stepFromYearStart)
        {
            var time = yearStart.AddMinutes(stepFromYearStart * (double)stepMinutes + stepMinutes / 2.0);
            return ClearSky(time, latitude, longitude) * clearness[stepFromYearStart / stepsPerDay];
        }

        var yearSteps = (DateTime.IsLeapYear(yearStart.Year) ? 366 : 365) * stepsPerDay;
        var sum = 0.0;
        for (var i = 0; i < yearSteps; i++)
        {
            sum += Raw(i);
        }
        var scale = sum > 0 ? capacityFactor * yearSteps / sum : 0;
        var values = new double[steps];
        for (var s = 0; s < steps; s++)
        {
            // The sun is taken at the middle of each step; the cloud process is indexed by day of the year.
            var time = start.AddMinutes(s * (double)stepMinutes + stepMinutes / 2.0);
            values[s] = Math.Min(1.0, scale * ClearSky(time, latitude, longitude) * clearness[(firstStep + s) / stepsPerDay]);
        }
        return values;
    }

    /// <summary>Sine of the solar elevation (0 at night), from declination, equation of time and hour angle.</summary>
    public static double ClearSky(DateTimeOffset time, double latitude, double longitude)
    {
        var utc = time.UtcDateTime;
        var dayOfYear = utc.DayOfYear;
        var gamma = 2 * Math.PI / 365 * (dayOfYear - 1 + (utc.Hour - 12) / 24.0);
        var declination = 0.006918 - 0.399912 * Math.Cos(gamma) + 0.070257 * Math.Sin(gamma) - 0.006758 * Math.Cos(2 * gamma)
            + 0.000907 * Math.Sin(2 * gamma) - 0.002697 * Math.Cos(3 * gamma) + 0.00148 * Math.Sin(3 * gamma);
        var equationOfTimeMinutes = 229.18 * (0.000075 + 0.001868 * Math.Cos(gamma) - 0.032077 * Math.Sin(gamma)
            - 0.014615 * Math.Cos(2 * gamma) - 0.040849 * Math.Sin(2 * gamma));
        var solarMinutes = utc.TimeOfDay.TotalMinutes + 4 * longitude + equationOfTimeMinutes;
        var hourAngle = (solarMinutes / 4 - 180) * Math.PI / 180;
        var phi = latitude * Math.PI / 180;
        var sinElevation = Math.Sin(phi) * Math.Sin(declination) + Math.Cos(phi) * Math.Cos(declination) * Math.Cos(hourAngle);
        return Math.Max(0, sinElevation);
    }

    private static double[] DailyClearness(int days, SeededRandom random)
    {
        var result = new double[days];
        var x = random.NextNormal();
        for (var d = 0; d < days; d++)
        {
            x = DailyCorrelation * x + Math.Sqrt(1 - DailyCorrelation * DailyCorrelation) * random.NextNormal();
            result[d] = Math.Clamp(0.7 + 0.22 * x, 0.1, 1.0);
        }
        return result;
    }
}
