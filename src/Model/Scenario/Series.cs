using System.Collections;
using System.Runtime.CompilerServices;

namespace GridActors.Model.Scenario;

/// <summary>
/// A quantity per horizon step: a named profile's values times a factor (a load's peak, a campus's interactive IT,
/// a workload's energy per hour), or the factor alone when no profile is named. The profile's values are shared by
/// every asset that names it, so a scenario holds each profile once, not once per asset: the national year's 13,810
/// assets over 8,760 steps were 1 GB of per-asset copies, in every holder of the scenario. A step's value is computed
/// as the loader computed it before (value × factor), so results are the same to the bit.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.Series")]
[CollectionBuilder(typeof(Series), nameof(Of))]
public sealed record Series(
    [property: Id(0)] double[]? Shape,
    [property: Id(1)] double Factor,
    [property: Id(2)] int Length) : IReadOnlyList<double>
{
    /// <summary>The shared profile <paramref name="shape"/> times <paramref name="factor"/>.</summary>
    public static Series Scaled(double[] shape, double factor) => new(shape, factor, shape.Length);

    /// <summary><paramref name="value"/> in every one of <paramref name="length"/> steps.</summary>
    public static Series Constant(double value, int length) => new(null, value, length);

    /// <summary>Values given step by step (tests, hand-made specs): the series is those values.</summary>
    public static implicit operator Series(double[] values) => Scaled(values, 1);

    /// <summary>Values written out (<c>[1, 2, 3]</c>): the series is those values.</summary>
    public static Series Of(ReadOnlySpan<double> values) => Scaled(values.ToArray(), 1);

    public double this[int step] => Shape is null
        ? (uint)step < (uint)Length ? Factor : throw new ArgumentOutOfRangeException(nameof(step))
        : Shape[step] * Factor;

    public int Count => Length;

    /// <summary>The values of steps [start, start + count) as a new array (also what <c>series[a..b]</c> gives).</summary>
    public double[] Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Length);
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
        if (other is null || other.Length != Length)
        {
            return false;
        }
        if (ReferenceEquals(other.Shape, Shape) && other.Factor.Equals(Factor))
        {
            return true;
        }
        for (var k = 0; k < Length; k++)
        {
            if (!this[k].Equals(other[k]))
            {
                return false;
            }
        }
        return true;
    }

    public override int GetHashCode() => HashCode.Combine(Length, Length > 0 ? this[0] : 0, Length > 1 ? this[Length - 1] : 0);

    public IEnumerator<double> GetEnumerator()
    {
        for (var k = 0; k < Length; k++)
        {
            yield return this[k];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
