using System.Collections;
using System.Runtime.CompilerServices;

namespace GridActors.Model.Scenario;

/// <summary>
/// A quantity per horizon step: a named profile's values times a factor (a load's peak, a campus's interactive IT,
/// a workload's energy per hour), or the factor alone when no profile is named. The profile's values are shared by
/// every asset that names it, so a scenario holds each profile once, not once per asset: the national year's 13,810
/// assets over 8,760 steps were 1 GB of per-asset copies, in every holder of the scenario. A step's value is computed
/// as the loader computed it before (value × factor), so results are the same to the bit. A series that arrives in a
/// message from another silo shares its values again with the series already there (<see cref="SeriesConverter"/>).
/// </summary>
[Immutable]
[CollectionBuilder(typeof(Series), nameof(Of))]
public sealed class Series : IReadOnlyList<double>, IEquatable<Series>
{
    private readonly double[]? shape;
    private readonly double factor;
    private readonly int length;

    public Series(double[]? shape, double factor, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (shape is not null && shape.Length != length)
        {
            throw new ArgumentException($"a profile of {shape.Length} values for a series of {length} steps", nameof(shape));
        }
        this.shape = shape;
        this.factor = factor;
        this.length = length;
    }

    /// <summary>The profile's values, shared with every series that names the same profile; null when the series is constant.</summary>
    public double[]? Shape => shape;

    public double Factor => factor;

    public int Length => length;

    public int Count => length;

    /// <summary>The shared profile <paramref name="shape"/> times <paramref name="factor"/>.</summary>
    public static Series Scaled(double[] shape, double factor) => new(shape, factor, shape.Length);

    /// <summary><paramref name="value"/> in every one of <paramref name="length"/> steps.</summary>
    public static Series Constant(double value, int length) => new(null, value, length);

    /// <summary>Values given step by step (tests, hand-made specs): the series is those values.</summary>
    public static implicit operator Series(double[] values) => Scaled(values, 1);

    /// <summary>Values written out (<c>[1, 2, 3]</c>): the series is those values.</summary>
    public static Series Of(ReadOnlySpan<double> values) => Scaled(values.ToArray(), 1);

    public double this[int step] => shape is null
        ? (uint)step < (uint)length ? factor : throw new ArgumentOutOfRangeException(nameof(step))
        : shape[step] * factor;

    /// <summary>The values of steps [start, start + count) as a new array (also what <c>series[a..b]</c> gives).</summary>
    public double[] Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, length);
        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            values[k] = this[start + k];
        }
        return values;
    }

    /// <summary>Two series are equal when they have the same value in every step, however each is made.</summary>
    public bool Equals(Series? other)
    {
        if (other is null || other.length != length)
        {
            return false;
        }
        if (ReferenceEquals(other.shape, shape) && other.factor.Equals(factor))
        {
            return true;
        }
        for (var k = 0; k < length; k++)
        {
            if (!this[k].Equals(other[k]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is Series other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(length, length > 0 ? this[0] : 0, length > 1 ? this[length - 1] : 0);

    public override string ToString() => shape is null ? $"{factor} × {length} steps" : $"{factor} × a profile of {length} steps";

    public IEnumerator<double> GetEnumerator()
    {
        for (var k = 0; k < length; k++)
        {
            yield return this[k];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A series as Orleans sends it: the profile's values, the factor and the length.</summary>
[GenerateSerializer, Alias("GridActors.Series")]
public readonly record struct SeriesSurrogate(
    [property: Id(0)] double[]? Shape,
    [property: Id(1)] double Factor,
    [property: Id(2)] int Length);

/// <summary>
/// Sends a series through its surrogate and, on the way in, gives it the process's copy of its profile's values
/// (<see cref="SharedProfiles"/>): Orleans shares an object within one message, but each message brings its own copy.
/// </summary>
[RegisterConverter]
public sealed class SeriesConverter : IConverter<Series, SeriesSurrogate>
{
    public Series ConvertFromSurrogate(in SeriesSurrogate surrogate) =>
        new(SharedProfiles.Intern(surrogate.Shape), surrogate.Factor, surrogate.Length);

    public SeriesSurrogate ConvertToSurrogate(in Series value) => new(value.Shape, value.Factor, value.Length);
}
