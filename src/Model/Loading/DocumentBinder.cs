using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using GridActors.Model.Documents;
using YamlDotNet.RepresentationModel;

namespace GridActors.Model.Loading;

/// <summary>
/// Turns a YAML tree into document objects, field by field, collecting every type, range,
/// unknown-field and missing-field error with its location instead of stopping at the first.
/// </summary>
public sealed class DocumentBinder(YamlSourceTree tree, ICollection<ScenarioError> errors)
{
    public T? Bind<T>(YamlNode node, string path) where T : DocNode => (T?)BindDoc(typeof(T), node, path);

    private DocNode? BindDoc(Type type, YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected a mapping (field: value lines)");
            return null;
        }
        if (type.GetCustomAttribute<DiscriminatorAttribute>() is { } discriminator)
        {
            type = ChooseVariant(type, discriminator.Field, mapping, path) ?? type;
            if (type.IsAbstract)
            {
                return null;
            }
        }

        var doc = (DocNode)Activator.CreateInstance(type)!;
        doc.Location = tree.LocationOf(mapping);
        doc.Path = path;
        var fields = DocType.FieldsOf(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var field = fields.FirstOrDefault(f => f.Name == key);
            var fieldPath = Join(path, key);
            if (field is null)
            {
                Error(keyNode, fieldPath, $"unknown field '{ErrorText.Quote(key)}'{ClosestName.Hint(key, fields.Select(f => f.Name))}");
                continue;
            }
            seen.Add(key);
            doc.SetFieldLocation(key, tree.LocationOf(valueNode));
            if (IsNull(valueNode) && IsOptional(field))
            {
                continue;
            }
            var value = Convert(field.Property.PropertyType, valueNode, fieldPath, field.Attribute);
            if (value is not null)
            {
                field.Property.SetValue(doc, value);
            }
        }
        foreach (var field in fields.Where(f => f.Attribute.Required && !seen.Contains(f.Name)))
        {
            Error(mapping, Join(path, field.Name), "required field is missing");
        }
        return doc;
    }

    private Type? ChooseVariant(Type baseType, string field, YamlMappingNode mapping, string path)
    {
        var variants = DocType.VariantsOf(baseType);
        if (!mapping.Children.TryGetValue(new YamlScalarNode(field), out var valueNode))
        {
            Error(mapping, Join(path, field), $"required field is missing (one of {string.Join(", ", variants.Select(v => v.Value))})");
            return null;
        }
        var value = (valueNode as YamlScalarNode)?.Value ?? "";
        foreach (var (name, type) in variants)
        {
            if (name == value)
            {
                return type;
            }
        }
        Error(valueNode, Join(path, field), $"unknown {field} '{ErrorText.Quote(value)}'{ClosestName.Hint(value, variants.Select(v => v.Value))}");
        return null;
    }

    private object? Convert(Type type, YamlNode node, string path, FieldAttribute? attribute)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(DocNode).IsAssignableFrom(underlying))
        {
            return BindDoc(underlying, node, path);
        }
        if (DocType.ListElement(underlying) is { } element)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Error(node, path, "expected a list");
                return null;
            }
            var list = (IList)Activator.CreateInstance(underlying)!;
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var item = Convert(element, sequence.Children[i], $"{path}[{i}]", element == typeof(string) || element == typeof(double) ? attribute : null);
                if (item is not null)
                {
                    list.Add(item);
                }
            }
            return list;
        }
        if (DocType.MapValue(underlying) is { } valueType)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, path, "expected a mapping of names to values");
                return null;
            }
            var map = (IDictionary)Activator.CreateInstance(underlying, StringComparer.Ordinal)!;
            foreach (var (key, value) in mapping.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                var item = Convert(valueType, value, Join(path, name), null);
                if (item is not null)
                {
                    map[name] = item;
                }
            }
            return map;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, path, $"expected {Describe(underlying)}, got a {(node is YamlSequenceNode ? "list" : "mapping")}");
            return null;
        }
        return ConvertScalar(underlying, scalar, path, attribute);
    }

    private object? ConvertScalar(Type type, YamlScalarNode scalar, string path, FieldAttribute? attribute)
    {
        var text = scalar.Value ?? "";
        if (IsNull(scalar))
        {
            Error(scalar, path, $"expected {Describe(type)}, got nothing");
            return null;
        }
        if (type == typeof(string))
        {
            return CheckString(text, scalar, path, attribute) ? text : null;
        }
        if (type == typeof(bool))
        {
            if (text is "true" or "True" or "TRUE")
            {
                return true;
            }
            if (text is "false" or "False" or "FALSE")
            {
                return false;
            }
            Error(scalar, path, $"expected true or false, got '{ErrorText.Quote(text)}'");
            return null;
        }
        if (type == typeof(int))
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            {
                Error(scalar, path, $"expected a whole number, got '{ErrorText.Quote(text)}'");
                return null;
            }
            return CheckRange(integer, scalar, path, attribute) ? integer : null;
        }
        if (type == typeof(double))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                Error(scalar, path, $"expected a number, got '{ErrorText.Quote(text)}'");
                return null;
            }
            var limit = attribute is { MaxMagnitude: var own } && !double.IsNaN(own) ? own : tree.Limits.MaxMagnitude;
            if (Math.Abs(number) > limit)
            {
                Error(scalar, path, $"{ErrorText.Quote(text)} is larger than {limit.ToString("0.##e0", CultureInfo.InvariantCulture)}, the largest magnitude {(limit == tree.Limits.MaxMagnitude ? "a scenario number" : "this field")} may have");
                return null;
            }
            return CheckRange(number, scalar, path, attribute) ? number : null;
        }
        if (type == typeof(DateTimeOffset))
        {
            var hasOffset = text.EndsWith('Z') || Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
            if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                Error(scalar, path, $"expected an ISO-8601 date-time with offset such as 2024-07-01T00:00:00+08:00, got '{ErrorText.Quote(text)}'");
                return null;
            }
            return time;
        }
        throw new InvalidOperationException($"document field of unsupported type {type}");
    }

    private bool CheckString(string text, YamlNode node, string path, FieldAttribute? attribute)
    {
        var longest = attribute is { MaxLength: > 0 } ? attribute.MaxLength : ScenarioLimits.MaxTextLength;
        if (text.Length > longest)
        {
            Error(node, path, $"'{ErrorText.Quote(text)}' is {text.Length:N0} characters long, more than the {longest:N0} this field may have");
            return false;
        }
        if (attribute?.OneOf is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Error(node, path, $"'{ErrorText.Quote(text)}' is not one of {string.Join(", ", allowed)}{ClosestName.Hint(text, allowed)}");
            return false;
        }
        if (attribute?.Pattern is { } pattern && !Regex.IsMatch(text, pattern))
        {
            Error(node, path, $"'{ErrorText.Quote(text)}' is not a valid id (letters, digits, '_', '.', '-'; starting with a letter or digit)");
            return false;
        }
        return true;
    }

    private bool CheckRange(double value, YamlNode node, string path, FieldAttribute? attribute)
    {
        if (attribute is null)
        {
            return true;
        }
        var ok = (double.IsNaN(attribute.Minimum) || value >= attribute.Minimum)
            && (double.IsNaN(attribute.ExclusiveMinimum) || value > attribute.ExclusiveMinimum)
            && (double.IsNaN(attribute.Maximum) || value <= attribute.Maximum)
            && (double.IsNaN(attribute.ExclusiveMaximum) || value < attribute.ExclusiveMaximum);
        if (!ok)
        {
            Error(node, path, $"must be {RangeText(attribute)}, got {value.ToString(CultureInfo.InvariantCulture)}");
        }
        return ok;
    }

    /// <summary>Plain words for a field's allowed range, e.g. "in (0, 1]" or "at least 0".</summary>
    public static string RangeText(FieldAttribute a)
    {
        var hasLow = !double.IsNaN(a.Minimum) || !double.IsNaN(a.ExclusiveMinimum);
        var hasHigh = !double.IsNaN(a.Maximum) || !double.IsNaN(a.ExclusiveMaximum);
        var low = double.IsNaN(a.Minimum) ? a.ExclusiveMinimum : a.Minimum;
        var high = double.IsNaN(a.Maximum) ? a.ExclusiveMaximum : a.Maximum;
        string N(double x) => x.ToString(CultureInfo.InvariantCulture);
        if (a.Minimum == a.Maximum)
        {
            return N(a.Minimum);
        }
        if (hasLow && hasHigh)
        {
            return $"in {(double.IsNaN(a.Minimum) ? "(" : "[")}{N(low)}, {N(high)}{(double.IsNaN(a.Maximum) ? ")" : "]")}";
        }
        if (hasLow)
        {
            return double.IsNaN(a.Minimum) ? $"greater than {N(low)}" : $"at least {N(low)}";
        }
        return double.IsNaN(a.Maximum) ? $"less than {N(high)}" : $"at most {N(high)}";
    }

    private static bool IsOptional(DocField field) =>
        !field.Attribute.Required && (Nullable.GetUnderlyingType(field.Property.PropertyType) is not null || !field.Property.PropertyType.IsValueType);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any };

    private static string Describe(Type type) =>
        type == typeof(string) ? "a text value" :
        type == typeof(int) ? "a whole number" :
        type == typeof(double) ? "a number" :
        type == typeof(bool) ? "true or false" :
        type == typeof(DateTimeOffset) ? "a date-time" : "a value";

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    private void Error(YamlNode node, string path, string message) => errors.Add(new ScenarioError(tree.LocationOf(node), path, message));
}
