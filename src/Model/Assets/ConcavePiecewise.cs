namespace GridActors.Model.Assets;

/// <summary>
/// A concave piecewise-linear function on an interval [Start, End]: its value at Start and its
/// pieces from left to right, each a length and a slope, slopes falling. The value functions of
/// the exact price answers (<see cref="ThermalResponse"/>) are of this kind, and the operations
/// they need keep them so: adding a linear term, taking the best value within a distance
/// (a ramp), adding the best of another concave function over all splits (a store's moves), and
/// cutting the domain to an interval.
/// </summary>
internal sealed class ConcavePiecewise
{
    /// <summary>Pieces shorter than this (MW) are round-off and dropped.</summary>
    private const double Negligible = 1e-12;

    private List<(double Length, double Slope)> pieces;

    private ConcavePiecewise(double start, double valueAtStart, List<(double Length, double Slope)> pieces)
    {
        Start = start;
        ValueAtStart = valueAtStart;
        this.pieces = pieces;
    }

    public double Start { get; private set; }

    public double ValueAtStart { get; private set; }

    public double End => Start + pieces.Sum(p => p.Length);

    /// <summary>The linear function <paramref name="slope"/> × x on [low, high], zero at 0.</summary>
    public static ConcavePiecewise Linear(double low, double high, double slope) =>
        new(low, slope * low, high - low > Negligible ? [(high - low, slope)] : []);

    /// <summary>The function whose value at start + Σ lengths is <paramref name="valueAtStart"/> + Σ length × slope; slopes must fall.</summary>
    public static ConcavePiecewise FromPieces(double start, double valueAtStart, IEnumerable<(double Length, double Slope)> pieces) =>
        new(start, valueAtStart, [.. pieces.Where(p => p.Length > Negligible)]);

    public ConcavePiecewise Clone() => new(Start, ValueAtStart, [.. pieces]);

    public void AddConstant(double constant) => ValueAtStart += constant;

    /// <summary>
    /// Replaces f by h(x) = max of f(y) + g(x − y) over y (the sup-convolution): for concave
    /// functions the pieces of both, merged by falling slope, starting at the sum of the starts.
    /// </summary>
    public void AddBestSplit(ConcavePiecewise g)
    {
        var merged = new List<(double Length, double Slope)>(pieces.Count + g.pieces.Count);
        int i = 0, j = 0;
        while (i < pieces.Count || j < g.pieces.Count)
        {
            var next = j >= g.pieces.Count || (i < pieces.Count && pieces[i].Slope >= g.pieces[j].Slope) ? pieces[i++] : g.pieces[j++];
            if (merged.Count > 0 && merged[^1].Slope == next.Slope)
            {
                merged[^1] = (merged[^1].Length + next.Length, next.Slope);
            }
            else
            {
                merged.Add(next);
            }
        }
        pieces = merged;
        Start += g.Start;
        ValueAtStart += g.ValueAtStart;
    }

    /// <summary>
    /// For h = this ⊕ <paramref name="g"/> (see <see cref="AddBestSplit"/>) and a point x of its
    /// domain: the y at which this(y) + g(x − y) is largest. The best split takes the steepest pieces
    /// of both first, so walk them by falling slope until x is reached (this one's first on ties).
    /// </summary>
    public double BestSplit(ConcavePiecewise g, double x)
    {
        var left = x - Start - g.Start;
        var y = Start;
        int i = 0, j = 0;
        while (left > 0 && (i < pieces.Count || j < g.pieces.Count))
        {
            if (j >= g.pieces.Count || (i < pieces.Count && pieces[i].Slope >= g.pieces[j].Slope))
            {
                var take = Math.Min(left, pieces[i++].Length);
                y += take;
                left -= take;
            }
            else
            {
                left -= g.pieces[j++].Length;
            }
        }
        return Math.Clamp(y, Start, End);
    }

    /// <summary>Adds slope × x.</summary>
    public void AddLinear(double slope)
    {
        ValueAtStart += slope * Start;
        for (var i = 0; i < pieces.Count; i++)
        {
            pieces[i] = (pieces[i].Length, pieces[i].Slope + slope);
        }
    }

    /// <summary>
    /// Replaces f by g(x) = max of f(y) over |y - x| ≤ reach: the rising pieces move left by the
    /// reach, the falling ones right, and the maximum widens into a flat piece of twice the reach.
    /// </summary>
    public void Dilate(double reach)
    {
        var rising = pieces.TakeWhile(p => p.Slope > 0).ToList();
        var falling = pieces.Skip(rising.Count).SkipWhile(p => p.Slope == 0).ToList();
        var flat = pieces.Count - rising.Count - falling.Count;
        var flatLength = pieces.Skip(rising.Count).Take(flat).Sum(p => p.Length) + 2 * reach;
        pieces = [.. rising, (flatLength, 0), .. falling];
        Start -= reach;
    }

    /// <summary>Cuts the domain to [low, high]; false when they do not meet.</summary>
    public bool Clip(double low, double high)
    {
        var end = End;
        if (low > end + Negligible || high < Start - Negligible)
        {
            return false;
        }
        // Trim the left end up to low.
        while (Start < low && pieces.Count > 0)
        {
            var (length, slope) = pieces[0];
            var cut = Math.Min(length, low - Start);
            ValueAtStart += cut * slope;
            Start += cut;
            if (length - cut > Negligible)
            {
                pieces[0] = (length - cut, slope);
            }
            else
            {
                pieces.RemoveAt(0);
            }
        }
        Start = Math.Max(Start, Math.Min(low, end));
        // Trim the right end down to high.
        var excess = End - Math.Max(high, Start);
        while (excess > Negligible && pieces.Count > 0)
        {
            var (length, slope) = pieces[^1];
            var cut = Math.Min(length, excess);
            excess -= cut;
            if (length - cut > Negligible)
            {
                pieces[^1] = (length - cut, slope);
            }
            else
            {
                pieces.RemoveAt(pieces.Count - 1);
            }
        }
        return true;
    }

    /// <summary>The leftmost point where the function is largest, and its value there.</summary>
    public (double X, double Value) Maximum()
    {
        var x = Start;
        var value = ValueAtStart;
        foreach (var (length, slope) in pieces)
        {
            if (slope <= 0)
            {
                break;
            }
            x += length;
            value += length * slope;
        }
        return (x, value);
    }
}
