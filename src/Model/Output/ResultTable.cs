using System.Text;
using GridActors.Model.Options;
using Parquet;
using Parquet.Schema;

namespace GridActors.Model.Output;

/// <summary>What a column holds: text, a number, or a number that some rows leave empty.</summary>
public enum ColumnKind
{
    Text,
    Number,
    OptionalNumber,
}

public readonly record struct ResultColumn(string Name, ColumnKind Kind);

/// <summary>
/// One result table (regions, assets, ...) written row by row, cell by cell, to name.csv, name.parquet or both. Numbers
/// are rounded as <see cref="Numbers"/> writes them, so both files hold the same values. The Parquet file gets one row
/// group per window (<see cref="EndWindow"/>), so a run's memory does not grow with its horizon.
/// </summary>
public sealed class ResultTable : IDisposable
{
    private readonly ResultColumn[] columns;
    private readonly StreamWriter? csv;
    private readonly StringBuilder line = new(256);
    private readonly ParquetSink? parquet;
    private int cell;
    private bool disposed;

    public ResultTable(string folder, string name, ResultColumn[] columns, ResultFormat format)
    {
        this.columns = columns;
        if (format != ResultFormat.Parquet)
        {
            csv = new StreamWriter(Path.Combine(folder, ResultFiles.Csv(name)), false, new UTF8Encoding(false)) { NewLine = "\n" };
            csv.WriteLine(string.Join(',', columns.Select(c => c.Name)));
        }
        if (format != ResultFormat.Csv)
        {
            parquet = new ParquetSink(Path.Combine(folder, ResultFiles.Parquet(name)), columns);
        }
    }

    public ResultTable Text(string value)
    {
        Separate();
        line.Append(CsvText(value));
        parquet?.Text(cell, value);
        cell++;
        return this;
    }

    /// <summary>A text only some rows have (an enterprise's carbon level needs its value added); empty in CSV, null in Parquet.</summary>
    public ResultTable OptionalText(string? value)
    {
        Separate();
        if (value is not null)
        {
            line.Append(CsvText(value));
        }
        parquet?.Text(cell, value);
        cell++;
        return this;
    }

    public ResultTable Number(double value)
    {
        Separate();
        AppendNumber(value);
        parquet?.Number(cell, Numbers.Round(value));
        cell++;
        return this;
    }

    /// <summary>A number only some rows have (a store's energy); empty in CSV, null in Parquet.</summary>
    public ResultTable OptionalNumber(double? value)
    {
        Separate();
        if (value is { } v)
        {
            AppendNumber(v);
        }
        parquet?.OptionalNumber(cell, value is { } x ? Numbers.Round(x) : null);
        cell++;
        return this;
    }

    public void EndRow()
    {
        if (cell != columns.Length)
        {
            throw new InvalidOperationException($"a row of {cell} cells in a table of {columns.Length} columns");
        }
        csv?.WriteLine(line);
        parquet?.EndRow();
        line.Clear();
        cell = 0;
    }

    /// <summary>Ends a window's rows: the Parquet file writes them as one row group.</summary>
    public void EndWindow() => parquet?.Flush();

    private void AppendNumber(double value)
    {
        Span<char> text = stackalloc char[32];
        if (Numbers.TryWrite(value, text, out var written))
        {
            line.Append(text[..written]);
        }
        else
        {
            line.Append(Numbers.Format(value));
        }
    }

    private void Separate()
    {
        if (cell > 0)
        {
            line.Append(',');
        }
    }

    /// <summary>A text cell quoted when it holds a comma, a quote or a line break (enterprise names are free text).</summary>
    private static string CsvText(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>Closes the files; a second call does nothing (the result writer closes its tables before it moves the folder, and again when disposed).</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        csv?.Dispose();
        parquet?.Dispose();
    }

    /// <summary>Buffers a window's columns and writes them as a row group (Parquet.Net).</summary>
    private sealed class ParquetSink : IDisposable
    {
        private readonly FileStream stream;
        private readonly ParquetWriter writer;
        private readonly DataField[] fields;
        private readonly List<string?>?[] texts;
        private readonly List<double>?[] numbers;
        private readonly List<double?>?[] optional;
        private int rows;

        public ParquetSink(string path, ResultColumn[] columns)
        {
            fields = [.. columns.Select(c => c.Kind switch
            {
                ColumnKind.Text => (DataField)new DataField<string>(c.Name),
                ColumnKind.Number => new DataField<double>(c.Name),
                _ => new DataField<double?>(c.Name),
            })];
            texts = [.. columns.Select(c => c.Kind == ColumnKind.Text ? new List<string?>() : null)];
            numbers = [.. columns.Select(c => c.Kind == ColumnKind.Number ? new List<double>() : null)];
            optional = [.. columns.Select(c => c.Kind == ColumnKind.OptionalNumber ? new List<double?>() : null)];
            stream = File.Create(path);
            writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        }

        public void Text(int column, string? value) => texts[column]!.Add(value);

        public void Number(int column, double value) => numbers[column]!.Add(value);

        public void OptionalNumber(int column, double? value) => optional[column]!.Add(value);

        public void EndRow() => rows++;

        public void Flush()
        {
            if (rows == 0)
            {
                return;
            }
            rows = 0;
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                if (texts[c] is { } text)
                {
                    group.WriteAsync(fields[c], (IReadOnlyCollection<string?>)text).GetAwaiter().GetResult();
                    text.Clear();
                }
                else if (numbers[c] is { } number)
                {
                    group.WriteAsync<double>(fields[c], number.ToArray()).GetAwaiter().GetResult();
                    number.Clear();
                }
                else
                {
                    group.WriteAsync<double>(fields[c], optional[c]!.ToArray()).GetAwaiter().GetResult();
                    optional[c]!.Clear();
                }
            }
        }

        public void Dispose()
        {
            Flush();
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stream.Dispose();
        }
    }
}
