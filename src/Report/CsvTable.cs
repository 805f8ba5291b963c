using System.Globalization;

namespace GridActors.Report;

/// <summary>
/// Reads one of GridActors' own result CSV files row by row, by column name: the inverse of ResultTable's writing, so
/// a free-text cell quoted there (a hub label holding a comma, a quote or a line break) reads back as one field;
/// '.' as decimal separator.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly StreamReader reader;
    private readonly Dictionary<string, int> columns;
    private string[] fields = [];

    public CsvTable(string path)
    {
        reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty");
        Header = [.. Fields(header)];
        columns = Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        Path = path;
    }

    public string Path { get; }

    public string[] Header { get; }

    public bool Has(string column) => columns.ContainsKey(column);

    public bool Read()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return false;
        }
        if (!line.Contains('"'))
        {
            // Nearly every row: numbers and ids, which are never quoted.
            fields = line.Split(',');
            return true;
        }
        // A quoted cell may hold line breaks: the record goes on while a quote is open (an odd count so far).
        while (line.Count(c => c == '"') % 2 == 1 && reader.ReadLine() is { } more)
        {
            line += "\n" + more;
        }
        fields = [.. Fields(line)];
        return true;
    }

    /// <summary>The cells of one record: split at commas outside quotes, a quoted cell unquoted and its doubled quotes made single.</summary>
    private static IEnumerable<string> Fields(string record)
    {
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        yield return cell.ToString();
    }

    public string Text(string column) => fields[Index(column)];

    public double Number(string column)
    {
        var text = fields[Index(column)];
        return text.Length == 0 ? 0 : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private int Index(string column) =>
        columns.TryGetValue(column, out var index) ? index : throw new InvalidDataException($"{Path} has no column '{column}'; was it written by an older GridActors?");

    public void Dispose() => reader.Dispose();
}
