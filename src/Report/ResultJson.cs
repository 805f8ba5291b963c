using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridActors.Model.Loading;

namespace GridActors.Report;

/// <summary>
/// The JSON files of a result folder as the report reads them, trusting nothing (a folder may be edited or
/// damaged): only a regular file within <see cref="MaxBytes"/>, valid JSON, and each field the report needs of the
/// type and range it must have. Every breach is an <see cref="InvalidDataException"/> naming the file and field.
/// </summary>
internal static class ResultJson
{
    /// <summary>A national year's summary with its enterprises is a few MB.</summary>
    public const long MaxBytes = 64L << 20;

    public static JsonNode? Read(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (ScenarioFiles.Problem(path, MaxBytes) is { } problem)
        {
            throw new InvalidDataException(problem.Replace(" a scenario file may have", " a result file may have", StringComparison.Ordinal));
        }
        try
        {
            return JsonNode.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {ErrorText.FirstLine(e.Message)}", e);
        }
    }

    public static int Whole(JsonObject json, string file, string field, int least, int most)
    {
        if (json[field] is JsonValue value && value.TryGetValue<double>(out var number) && number == Math.Floor(number) && number >= least && number <= most)
        {
            return (int)number;
        }
        throw new InvalidDataException($"{file}: {field}: expected a whole number from {least:N0} to {most:N0}, got {ErrorText.Quote(json[field]?.ToJsonString() ?? "nothing")}");
    }

    public static DateTimeOffset Time(JsonObject json, string file, string field) =>
        json[field] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InvalidDataException($"{file}: {field}: expected an ISO-8601 time, got {ErrorText.Quote(json[field]?.ToJsonString() ?? "nothing")}");
}
