using System.Globalization;

namespace GridActors.Report;

/// <summary>
/// Reads one of GridActors' own result CSV files row by row, by column name. The files are written by ResultWriter:
/// no quoted fields in the files read here (ids match the format's id pattern), '.' as decimal separator.
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
        Header = header.Split(',');
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
        fields = line.Split(',');
        return true;
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
