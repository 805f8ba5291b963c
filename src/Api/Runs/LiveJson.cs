using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridActors.Api.Runs;

/// <summary>
/// The API's JSON: snake_case names like the result files, enums as words. Live events round numbers to
/// a thousandth, so fifty clients do not each receive sixteen digits of every megawatt.
/// </summary>
public sealed class LiveJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    private readonly JsonSerializerOptions events = Create();

    /// <summary>For request bodies: the same names, and a misspelt field is an error rather than silently ignored.</summary>
    public JsonSerializerOptions RequestOptions { get; } = CreateRequest();

    private static JsonSerializerOptions CreateRequest()
    {
        var options = new JsonSerializerOptions { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        Configure(options);
        return options;
    }

    public string Serialize<T>(T value) => JsonSerializer.Serialize(value, events);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.Converters.Add(new ThousandthConverter());
        return options;
    }

    private sealed class ThousandthConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(double.IsFinite(value) ? Math.Round(value, 3) + 0.0 : 0);
    }
}
