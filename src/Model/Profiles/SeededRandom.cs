using System.Text;

namespace GridActors.Model.Profiles;

/// <summary>
/// The only source of randomness: a generator whose seed is derived from the scenario seed and a
/// stable name (FNV-1a, not string.GetHashCode, which changes from process to process).
/// </summary>
public sealed class SeededRandom
{
    private readonly Random random;
    private double? spareNormal;

    public SeededRandom(int scenarioSeed, string name, int extra = 0)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{scenarioSeed}\u0001{name}\u0001{extra}"))
        {
            hash = (hash ^ b) * 16777619u;
        }
        // Random(int) uses the legacy seeded algorithm, which .NET keeps stable for compatibility.
        random = new Random((int)(hash & 0x7FFFFFFF));
    }

    public double NextDouble() => random.NextDouble();

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public double NextNormal()
    {
        if (spareNormal is { } spare)
        {
            spareNormal = null;
            return spare;
        }
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
