using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridActors.Model.Documents;
using GridActors.Model.Loading;

namespace GridActors.Model.Schema;

/// <summary>
/// Generates the JSON Schema of the scenario format from the document classes and their
/// <see cref="FieldAttribute"/>s, the same metadata the loader binds with, so it cannot drift.
/// </summary>
public static class ScenarioSchema
{
    public static string Generate()
    {
        var definitions = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var root = ObjectSchema(typeof(ScenarioDoc), definitions, discriminatorValues: null);
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$id"] = "https://gridactors.example/schemas/scenario-v1.json";
        root["title"] = "GridActors scenario, format version 1";
        var defs = new JsonObject();
        foreach (var (name, schema) in definitions)
        {
            defs[name] = schema;
        }
        root["$defs"] = defs;
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject ObjectSchema(Type type, SortedDictionary<string, JsonNode> definitions, string[]? discriminatorValues)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        var discriminator = type.BaseType?.GetCustomAttribute<DiscriminatorAttribute>()?.Field;
        foreach (var field in DocType.FieldsOf(type))
        {
            var schema = field.Name == discriminator && discriminatorValues is not null
                ? new JsonObject { ["description"] = field.Attribute.Description, ["enum"] = new JsonArray([.. discriminatorValues.Select(v => JsonValue.Create(v))]) }
                : FieldSchema(field, definitions);
            properties[field.Name] = schema;
            if (field.Attribute.Required)
            {
                required.Add(field.Name);
            }
        }
        var result = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        if (required.Count > 0)
        {
            result["required"] = required;
        }
        return result;
    }

    private static JsonObject FieldSchema(DocField field, SortedDictionary<string, JsonNode> definitions)
    {
        var schema = TypeSchema(field.Property.PropertyType, definitions);
        var target = schema["type"]?.GetValue<string>() == "array" ? (JsonObject)schema["items"]! : schema;
        var a = field.Attribute;
        AddIfSet(target, "minimum", a.Minimum);
        AddIfSet(target, "exclusiveMinimum", a.ExclusiveMinimum);
        AddIfSet(target, "maximum", a.Maximum);
        AddIfSet(target, "exclusiveMaximum", a.ExclusiveMaximum);
        if (a.OneOf is { } values)
        {
            target["enum"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
        }
        if (a.Pattern is { } pattern)
        {
            target["pattern"] = pattern;
        }
        if (target["type"]?.GetValue<string>() == "string")
        {
            target["maxLength"] = a.MaxLength > 0 ? a.MaxLength : ScenarioLimits.MaxTextLength;
        }
        var result = new JsonObject { ["description"] = a.Description };
        foreach (var (key, value) in schema)
        {
            result[key] = value?.DeepClone();
        }
        if (a.Default is { } defaultValue)
        {
            result["default"] = defaultValue switch
            {
                int i => JsonValue.Create(i),
                double d => JsonValue.Create(d),
                bool b => JsonValue.Create(b),
                _ => JsonValue.Create(defaultValue.ToString()),
            };
        }
        return result;
    }

    private static JsonObject TypeSchema(Type type, SortedDictionary<string, JsonNode> definitions)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }
        if (underlying == typeof(int))
        {
            return new JsonObject { ["type"] = "integer" };
        }
        if (underlying == typeof(double))
        {
            return new JsonObject { ["type"] = "number" };
        }
        if (underlying == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }
        if (underlying == typeof(DateTimeOffset))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }
        if (DocType.ListElement(underlying) is { } element)
        {
            return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(element, definitions) };
        }
        if (DocType.MapValue(underlying) is { } value)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = TypeSchema(value, definitions) };
        }
        if (typeof(DocNode).IsAssignableFrom(underlying))
        {
            Define(underlying, definitions);
            return new JsonObject { ["$ref"] = $"#/$defs/{Name(underlying)}" };
        }
        throw new InvalidOperationException($"no schema for {underlying}");
    }

    private static void Define(Type type, SortedDictionary<string, JsonNode> definitions)
    {
        var name = Name(type);
        if (definitions.ContainsKey(name))
        {
            return;
        }
        definitions[name] = new JsonObject();
        if (type.GetCustomAttribute<DiscriminatorAttribute>() is not null)
        {
            var variants = DocType.VariantsOf(type).GroupBy(v => v.Type).OrderBy(g => Name(g.Key), StringComparer.Ordinal);
            var oneOf = new JsonArray();
            foreach (var variant in variants)
            {
                var variantName = Name(variant.Key);
                definitions[variantName] = ObjectSchema(variant.Key, definitions, [.. variant.Select(v => v.Value)]);
                oneOf.Add(new JsonObject { ["$ref"] = $"#/$defs/{variantName}" });
            }
            definitions[name] = new JsonObject { ["oneOf"] = oneOf };
            return;
        }
        definitions[name] = ObjectSchema(type, definitions, null);
    }

    private static string Name(Type type) => type.Name.EndsWith("Doc", StringComparison.Ordinal) ? type.Name[..^3] : type.Name;

    private static void AddIfSet(JsonObject schema, string key, double value)
    {
        if (!double.IsNaN(value))
        {
            schema[key] = value;
        }
    }
}
