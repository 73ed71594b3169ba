using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// Deterministic values per parameter type, built by reflection so the same call can be made on two assemblies
/// whose types share names but not identity. Strings carry URL-reserved characters and non-ASCII text; arrays and
/// maps have two entries; DTOs get every settable property filled (bounded depth); optional parameters are null
/// in the <see cref="ArgumentVariant.OptionalsNull"/> variant.
/// </summary>
internal static class ArgumentFactory
{
    /// <summary>Reserved URL characters, a space, percent, plus, and non-ASCII (Latin, BMP symbol, astral emoji).</summary>
    public const string Tricky = "a b/c?d&e=f#g%h+i;j,k:l@m ü€😀";

    private const int MaxDepth = 4;

    public static object?[] For(MethodInfo method, ArgumentVariant variant) =>
        method.GetParameters().Select(p => For(p, variant)).ToArray();

    private static object? For(ParameterInfo parameter, ArgumentVariant variant)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (variant == ArgumentVariant.OptionalsNull && parameter.HasDefaultValue && parameter.DefaultValue is null)
        {
            return null;
        }

        return Create(parameter.ParameterType, parameter.Name ?? "value", 0);
    }

    /// <summary>A value of <paramref name="type"/>; <paramref name="seed"/> makes strings differ per parameter/property.</summary>
    public static object? Create(Type type, string seed, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Create(underlying, seed, depth);
        }

        if (type == typeof(string))
        {
            return seed + " " + Tricky;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(int))
        {
            return 42;
        }

        if (type == typeof(long))
        {
            return 9007199254740993L;
        }

        if (type == typeof(float))
        {
            return 0.1f;
        }

        if (type == typeof(double))
        {
            return -1234.5e-7;
        }

        if (type == typeof(decimal))
        {
            return 12345.678m;
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2024, 2, 29, 13, 45, 30, 123, TimeSpan.FromHours(2));
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2024, 2, 29, 13, 45, 30, 123, DateTimeKind.Utc);
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2024, 2, 29);
        }

        if (type == typeof(TimeOnly))
        {
            return new TimeOnly(13, 45, 30);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(90.5);
        }

        if (type == typeof(Guid))
        {
            return new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        }

        if (type == typeof(Uri))
        {
            return new Uri("https://cmu.invalid/x y?q=ü");
        }

        if (type == typeof(byte[]))
        {
            return Encoding.UTF8.GetBytes("bytes " + Tricky);
        }

        if (type == typeof(Stream) || type == typeof(MemoryStream))
        {
            return new MemoryStream(Encoding.UTF8.GetBytes("stream " + Tricky));
        }

        if (type == typeof(Refit.MultipartItem))
        {
            // A file part as callers make one: its bytes, a file name and a content type.
            return new Refit.ByteArrayPart(Encoding.UTF8.GetBytes("file " + seed + " " + Tricky), seed + " ü.bin", "application/octet-stream");
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{\"k\":\"ü\",\"n\":[1,2.5,null]}").RootElement.Clone();
        }

        if (type == typeof(JsonNode) || type == typeof(JsonObject))
        {
            return JsonNode.Parse("{\"k\":\"ü\",\"n\":[1,2.5,null]}");
        }

        if (type == typeof(object))
        {
            return seed + " ü";
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length > 1 ? 1 : 0);
        }

        if (type.IsArray)
        {
            var item = type.GetElementType()!;
            var array = Array.CreateInstance(item, 2);
            array.SetValue(Create(item, seed + "0", depth + 1), 0);
            array.SetValue(Create(item, seed + "1", depth + 1), 1);
            return array;
        }

        if (type.IsGenericType && DictionaryArguments(type) is { } kv)
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(kv))!;
            dictionary[Key(kv[0], "k=1&ü")] = Create(kv[1], seed + "a", depth + 1);
            dictionary[Key(kv[0], "z/2 #")] = Create(kv[1], seed + "b", depth + 1);
            return dictionary;
        }

        if (type.IsGenericType && EnumerableItem(type) is { } itemType)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            list.Add(Create(itemType, seed + "0", depth + 1));
            list.Add(Create(itemType, seed + "1", depth + 1));
            return list;
        }

        return CreateObject(type, seed, depth);
    }

    private static object Key(Type keyType, string text) => keyType == typeof(string) ? text : Create(keyType, text, MaxDepth)!;

    private static object? CreateObject(Type type, string seed, int depth)
    {
        if (depth > MaxDepth)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).FirstOrDefault();
        object instance;
        if (constructor is null)
        {
            // Unions and other closed types: the first public static factory taking one argument.
            var factory = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == type && m.GetParameters().Length == 1 && !m.IsSpecialName)
                .OrderBy(m => m.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (factory is null)
            {
                return type.IsValueType ? Activator.CreateInstance(type) : throw new NotSupportedException("No way to create " + type);
            }

            return factory.Invoke(null, new[] { Create(factory.GetParameters()[0].ParameterType, seed, depth + 1) });
        }
        else
        {
            var arguments = constructor.GetParameters().Select(p => Create(p.ParameterType, p.Name ?? seed, depth + 1)).ToArray();
            instance = constructor.Invoke(arguments);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(instance, Create(property.PropertyType, property.Name, depth + 1));
            }
        }

        return instance;
    }

    private static Type[]? DictionaryArguments(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsGenericType)
            {
                var definition = candidate.GetGenericTypeDefinition();
                if (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
                {
                    return candidate.GetGenericArguments();
                }
            }
        }

        return null;
    }

    private static Type? EnumerableItem(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
}

/// <summary>Which arguments a call gets.</summary>
internal enum ArgumentVariant
{
    /// <summary>Every parameter has a value.</summary>
    AllValues,

    /// <summary>Optional parameters (declared <c>= null</c>) are null.</summary>
    OptionalsNull,
}
