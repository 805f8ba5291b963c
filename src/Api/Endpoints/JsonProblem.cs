using System.Text.Json;
using System.Text.RegularExpressions;

namespace GridActors.Api.Endpoints;

/// <summary>
/// System.Text.Json's messages in a user's words: what was wrong, without the .NET type it was being read into
/// (GridActors.Api.Runs.RunStartRequest, System.Nullable`1[System.Int32]) and without the position, which the
/// answer gives as a field and a line of its own. A message of an unknown shape is kept up to its first sentence.
/// </summary>
public static partial class JsonProblem
{
    /// <summary>The sentence for <paramref name="e"/>, thrown while reading a <typeparamref name="T"/> with snake_case names.</summary>
    public static string Sentence<T>(JsonException e)
    {
        var message = GridActors.Model.Loading.ErrorText.FirstLine(e.Message);
        var path = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = (path < 0 ? message : message[..path]).TrimEnd('.', ' ');
        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            // Read through a constructor, a field's wrong value is reported against the whole type: the path says which field.
            var field = e.Path is { Length: > 2 } at && at.StartsWith("$.", StringComparison.Ordinal) ? at[2..] : null;
            var property = field is null ? null : typeof(T).GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == field);
            return $"expected {Expected(property?.PropertyType.ToString() ?? converted.Groups["type"].Value)}";
        }
        if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            return $"'{GridActors.Model.Loading.ErrorText.Quote(unmapped.Groups["name"].Value)}' is not a field of a run request";
        }
        var sentence = message.IndexOf(". ", StringComparison.Ordinal);
        return TypeName().Replace(sentence < 0 ? message : message[..sentence], "a value");
    }

    private static string Expected(string type) =>
        type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
        : type.Contains("Double", StringComparison.Ordinal) ? "a number"
        : type.Contains("String", StringComparison.Ordinal) ? "a text value"
        : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
        : type.Contains("RunStartRequest", StringComparison.Ordinal) ? "a JSON object of the run's fields ({\"scenario\": NAME} or {\"yaml\": TEXT}, with options)"
        : "another kind of value";

    [GeneratedRegex(@"could not be converted to (?<type>\S+)$")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"\b(GridActors|System)\.[\w.`\[\],]+")]
    private static partial Regex TypeName();
}
