namespace GridActors.Model.LinearProgramming;

/// <summary>
/// A simplex basis (<see cref="LpBasis"/>) as runs of equal statuses: a market's columns are mostly at a bound in long
/// stretches, so a region's basis of 20,000 statuses packs into a few kilobytes. The form a basis is carried in between
/// windows, in messages and in a run's checkpoint, so that a run resumed from it starts its next window alike.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.PackedBasis")]
public sealed record PackedBasis(
    [property: Id(0)] int Columns,
    [property: Id(1)] int Rows,
    [property: Id(2)] byte[] Runs)
{
    public static PackedBasis Of(LpBasis basis)
    {
        var runs = new List<byte>();
        var statuses = basis.Columns.Concat(basis.Rows).ToArray();
        for (var i = 0; i < statuses.Length;)
        {
            var status = statuses[i];
            var length = 1;
            while (i + length < statuses.Length && statuses[i + length] == status)
            {
                length++;
            }
            runs.Add(checked((byte)status));
            // The run's length as a little-endian base-128 number.
            for (var left = (uint)length; ; left >>= 7)
            {
                runs.Add((byte)(left < 0x80 ? left : (left & 0x7F) | 0x80));
                if (left < 0x80)
                {
                    break;
                }
            }
            i += length;
        }
        return new PackedBasis(basis.Columns.Length, basis.Rows.Length, [.. runs]);
    }

    public LpBasis Unpack()
    {
        var statuses = new int[Columns + Rows];
        var at = 0;
        for (var i = 0; i < Runs.Length;)
        {
            var status = Runs[i++];
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var part = Runs[i++];
                length |= (part & 0x7F) << shift;
                if (part < 0x80)
                {
                    break;
                }
            }
            Array.Fill(statuses, status, at, length);
            at += length;
        }
        if (at != statuses.Length)
        {
            throw new InvalidOperationException($"a packed basis of {Columns} columns and {Rows} rows held {at} statuses");
        }
        return new LpBasis(statuses[..Columns], statuses[Columns..]);
    }
}
