using System.Collections.Concurrent;
using System.Reflection;
using GridActors.Model.Documents;

namespace GridActors.Model.Loading;

/// <summary>One bindable field of a document class: the attribute and the property behind it.</summary>
public sealed record DocField(FieldAttribute Attribute, PropertyInfo Property)
{
    public string Name => Attribute.Name;
}

/// <summary>Reflection over document classes, shared by the binder and the schema generator.</summary>
public static class DocType
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DocField>> Fields = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Value, Type Type)>> Variants = new();

    /// <summary>The fields of a document class, base-class fields first, in declaration order.</summary>
    public static IReadOnlyList<DocField> FieldsOf(Type type) => Fields.GetOrAdd(type, static t =>
    {
        var chain = new Stack<Type>();
        for (var current = t; current is not null && current != typeof(object); current = current.BaseType)
        {
            chain.Push(current);
        }
        var result = new List<DocField>();
        foreach (var level in chain)
        {
            foreach (var property in level.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            {
                if (property.GetCustomAttribute<FieldAttribute>() is { } attribute)
                {
                    result.Add(new DocField(attribute, property));
                }
            }
        }
        return result;
    });

    /// <summary>The concrete classes of a discriminated base, with the values that select each.</summary>
    public static IReadOnlyList<(string Value, Type Type)> VariantsOf(Type baseType) => Variants.GetOrAdd(baseType, static b =>
        [.. b.Assembly.GetTypes()
            .Where(t => !t.IsAbstract && b.IsAssignableFrom(t))
            .SelectMany(t => (t.GetCustomAttribute<VariantAttribute>()?.Values ?? []).Select(v => (v, t)))
            .OrderBy(x => x.v, StringComparer.Ordinal)]);

    /// <summary>Element type of a List&lt;T&gt;, or null.</summary>
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>Value type of a Dictionary&lt;string, T&gt;, or null.</summary>
    public static Type? MapValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;
}
