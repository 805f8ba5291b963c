using System.Globalization;
using GridActors.Model.Documents;

namespace GridActors.Model.Loading;

/// <summary>
/// The lines of the CSV files one scenario reads, each file read once however many profiles take a column of it
/// (a national scenario takes dozens of columns from one file).
/// </summary>
public sealed class CsvFiles(ScenarioLimits limits)
{
    private readonly Dictionary<string, (string[]? Lines, string? Problem)> read = new(StringComparer.Ordinal);

    public ScenarioLimits Limits => limits;

    public (string[]? Lines, string? Problem) LinesOf(string fullPath)
    {
        if (!read.TryGetValue(fullPath, out var entry))
        {
            var (text, problem) = ScenarioFiles.ReadText(fullPath, limits.MaxCsvBytes);
            var lines = text?.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            if (lines is [.. var head, ""])
            {
                lines = head;
            }
            entry = lines is [] ? (null, $"{YamlSourceTree.DisplayPath(fullPath)} is empty") : (lines, problem);
            read[fullPath] = entry;
        }
        return entry;
    }
}

/// <summary>Reads one column of a CSV file as a profile, reporting problems at the CSV's own line.</summary>
public static class CsvProfile
{
    public static double[]? Read(string fullPath, string column, int offset, string normalize, int steps, SourceLocation referencedAt, string fieldPath,
        ICollection<ScenarioError> errors, CsvFiles files)
    {
        var display = YamlSourceTree.DisplayPath(fullPath);
        var limits = files.Limits;
        var (lines, problem) = files.LinesOf(fullPath);
        if (lines is null)
        {
            errors.Add(new ScenarioError(referencedAt, fieldPath + ".csv", problem!));
            return null;
        }
        var header = Split(lines[0]);
        var index = Array.IndexOf(header, column);
        if (index < 0)
        {
            errors.Add(new ScenarioError(referencedAt, fieldPath + ".column", $"{display} has no column '{ErrorText.Quote(column)}'{ClosestName.Hint(column, header)}"));
            return null;
        }

        var values = new List<double>(lines.Length);
        var before = errors.Count;
        for (var row = 1; row < lines.Length; row++)
        {
            if (lines[row].Length == 0)
            {
                continue;
            }
            var text = Cell(lines[row], index);
            if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                var cell = text is null ? "" : ErrorText.Quote(text);
                errors.Add(new ScenarioError(new SourceLocation(display, row + 1, ColumnOf(lines[row], index)), fieldPath, $"column '{column}': expected a number, got '{cell}'"));
                continue;
            }
            if (Math.Abs(value) > limits.MaxMagnitude)
            {
                errors.Add(new ScenarioError(new SourceLocation(display, row + 1, ColumnOf(lines[row], index)), fieldPath,
                    $"column '{column}': {value.ToString("G", CultureInfo.InvariantCulture)} is larger than {limits.MaxMagnitude:G}, the largest magnitude a scenario number may have"));
                continue;
            }
            values.Add(value);
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (values.Count < offset + steps)
        {
            errors.Add(new ScenarioError(referencedAt, fieldPath + ".csv", $"{display} has {values.Count} data rows; offset {offset} + {steps} steps needs {offset + steps}"));
            return null;
        }

        var divisor = normalize switch
        {
            "peak" => values.Max(),
            "mean" => values.Average(),
            _ => 1.0,
        };
        if (divisor <= 0)
        {
            errors.Add(new ScenarioError(referencedAt, fieldPath + ".normalize", $"cannot normalize by the {normalize} of column '{column}': it is {divisor.ToString(CultureInfo.InvariantCulture)}"));
            return null;
        }
        return [.. values.Skip(offset).Take(steps).Select(v => v / divisor)];
    }

    /// <summary>The cell at <paramref name="index"/>, trimmed and unquoted, without splitting the whole line; null past its end.</summary>
    private static string? Cell(string line, int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            var comma = line.IndexOf(',', start);
            if (comma < 0)
            {
                return null;
            }
            start = comma + 1;
        }
        var end = line.IndexOf(',', start);
        return line[start..(end < 0 ? line.Length : end)].Trim().Trim('"');
    }

    private static string[] Split(string line) => [.. line.Split(',').Select(cell => cell.Trim().Trim('"'))];

    private static int ColumnOf(string line, int cellIndex)
    {
        var position = 0;
        for (var i = 0; i < cellIndex; i++)
        {
            var comma = line.IndexOf(',', position);
            if (comma < 0)
            {
                return line.Length + 1;
            }
            position = comma + 1;
        }
        return position + 1;
    }
}
