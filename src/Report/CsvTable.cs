using System.Globalization;
using System.Text;
using GridActors.Model.Loading;

namespace GridActors.Report;

/// <summary>
/// Reads one of GridActors' own result CSV files row by row, by column name: the inverse of ResultTable's writing, so
/// a free-text cell quoted there (a hub label holding a comma, a quote or a line break) reads back as one field;
/// '.' as decimal separator. A result folder may have been edited or damaged, so nothing is taken on trust: only a
/// regular file is opened, a record is at most <see cref="MaxRecordChars"/> long (a 200 MB line took 1.75 GB), every
/// record has the header's cells, and every number is finite; each breach is an <see cref="InvalidDataException"/>
/// naming the file, line and column.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    /// <summary>Far above any record GridActors writes (a few hundred characters), far below what would strain memory.</summary>
    public const int MaxRecordChars = 1 << 20;

    private readonly StreamReader reader;
    private readonly Dictionary<string, int> columns;
    private readonly StringBuilder record = new();
    private readonly char[] buffer = new char[64 * 1024];
    private int buffered;
    private int position;
    private string[] fields = [];
    private int nextLine = 1;

    public CsvTable(string path)
    {
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        if (FileKinds.Target(path) != FileKind.Regular)
        {
            throw new InvalidDataException($"{Name} is not a regular file");
        }
        reader = new StreamReader(path);
        if (!NextRecord())
        {
            reader.Dispose();
            throw new InvalidDataException($"{Name} is empty");
        }
        Header = [.. Fields(record.ToString())];
        columns = [];
        for (var i = 0; i < Header.Length; i++)
        {
            columns.TryAdd(Header[i], i);
        }
    }

    public string Path { get; }

    /// <summary>The file's name, as errors give it.</summary>
    public string Name { get; }

    public string[] Header { get; }

    /// <summary>The line the current record starts on.</summary>
    public int Line { get; private set; }

    public bool Has(string column) => columns.ContainsKey(column);

    public bool Read()
    {
        if (!NextRecord())
        {
            return false;
        }
        var text = record.ToString();
        // Nearly every row: numbers and ids, which are never quoted.
        fields = text.Contains('"') ? [.. Fields(text)] : text.Split(',');
        if (fields.Length != Header.Length)
        {
            throw new InvalidDataException($"{Name}:{Line}: the row has {fields.Length} cells, the header {Header.Length}");
        }
        return true;
    }

    /// <summary>The next record into <see cref="record"/>: a line, or several while a quoted cell is open; false at the end.</summary>
    private bool NextRecord()
    {
        record.Clear();
        Line = nextLine;
        var quotes = 0;
        var any = false;
        while (true)
        {
            if (position == buffered)
            {
                buffered = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (buffered == 0)
                {
                    return any;
                }
            }
            any = true;
            var c = buffer[position++];
            if (c == '\n')
            {
                nextLine++;
                if (quotes % 2 == 0)
                {
                    if (record.Length > 0 && record[^1] == '\r')
                    {
                        record.Length--;
                    }
                    return true;
                }
            }
            else if (c == '"')
            {
                quotes++;
            }
            if (record.Length >= MaxRecordChars)
            {
                throw new InvalidDataException($"{Name}:{Line}: the row is longer than {MaxRecordChars:N0} characters; this is not a file GridActors wrote");
            }
            record.Append(c);
        }
    }

    /// <summary>The cells of one record: split at commas outside quotes, a quoted cell unquoted and its doubled quotes made single.</summary>
    private static IEnumerable<string> Fields(string text)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
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

    /// <summary>The cell as a finite number (an empty cell is 0); NaN, infinities and 1e309 are refused.</summary>
    public double Number(string column)
    {
        var index = Index(column);
        var text = fields[index];
        if (text.Length == 0)
        {
            return 0;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new InvalidDataException($"{Name}:{Line}:{column}: '{ErrorText.Quote(text)}' is not a finite number");
        }
        return value;
    }

    private int Index(string column) =>
        columns.TryGetValue(column, out var index) ? index : throw new InvalidDataException($"{Name} has no column '{ErrorText.Quote(column)}'; was it written by an older GridActors?");

    public void Dispose() => reader.Dispose();
}
