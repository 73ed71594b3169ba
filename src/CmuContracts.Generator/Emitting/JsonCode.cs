using System.Globalization;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// C# expressions and statements that read or write one JSON value of a <see cref="TypeRef"/>,
/// composing the runtime's <c>JsonValueReader</c>/<c>JsonValueWriter</c> and the generated types' <c>IJsonModel&lt;T&gt;</c> code.
/// No <c>JsonSerializer</c> call anywhere: the code is reflection-free.
/// </summary>
internal static class JsonCode
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";

    /// <summary>An expression reading a non-null value of <paramref name="type"/> from <c>ref {reader}</c>.</summary>
    public static string Read(TypeRef type, string reader, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal)
    {
        var r = "ref " + reader;
        switch (type.Kind)
        {
            case TypeKind.Array:
            case TypeKind.Map:
                var method = type.Kind == TypeKind.Array ? "ReadList" : "ReadMap";
                return ReaderClass(index, scope) + method + ItemArgument(type) + "(" + r + ", " + ItemReader(type, depth, index, scope) + ")";
            case TypeKind.Named:
                return ReaderClass(index, scope) + "ReadModel<" + type.Name + ">(" + r + ")";
            default:
                return ReaderClass(index, scope) + "Read" + MethodName(type) + "(" + r + ")";
        }
    }

    /// <summary>
    /// A <c>JsonRead&lt;T&gt;</c> for one value of <paramref name="type"/>: the runtime's method group or a generated type's
    /// <c>JsonModel&lt;T&gt;.Read</c> where one reads it, else a lambda (nullable values, nested collections).
    /// </summary>
    public static string ValueReader(TypeRef type, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal)
    {
        if (!type.IsNullable && MethodName(type) is { } name)
        {
            return type.Kind == TypeKind.Named ? Named(index, scope) + "JsonModel<" + name + ">.Read" : ReaderClass(index, scope) + "Read" + name;
        }

        var r = "r" + (depth + 1).ToString(CultureInfo.InvariantCulture);
        return "static (ref " + Reader + " " + r + ") => " + ReadMaybeNull(type, r, depth + 1, index, scope);
    }

    /// <summary>An <c>Action&lt;Utf8JsonWriter, T&gt;</c> for one value of <paramref name="type"/>, like <see cref="ValueReader"/>.</summary>
    public static string ValueWriter(TypeRef type, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal)
    {
        if (!type.IsNullable && MethodName(type) is { } name)
        {
            return type.Kind == TypeKind.Named ? Named(index, scope) + "JsonModel<" + name + ">.Write" : WriterClass(index, scope) + "Write" + name;
        }

        var d = (depth + 1).ToString(CultureInfo.InvariantCulture);
        return "static (w" + d + ", v" + d + ") => { " + WriteMaybeNull(type, "w" + d, "v" + d, depth + 1, index, scope) + " }";
    }

    /// <summary>The reader of a collection's items.</summary>
    public static string ItemReader(TypeRef collection, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal) =>
        ValueReader(collection.Item ?? TypeRef.Any, depth, index, scope);

    /// <summary>The writer of a collection's items.</summary>
    public static string ItemWriter(TypeRef collection, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal) =>
        ValueWriter(collection.Item ?? TypeRef.Any, depth, index, scope);

    /// <summary>
    /// The explicit type argument of a collection call: needed only when the items are read or written by a lambda
    /// (a method group gives the compiler the type).
    /// </summary>
    public static string ItemArgument(TypeRef collection)
    {
        var item = collection.Item ?? TypeRef.Any;
        return !item.IsNullable && MethodName(item) is not null ? string.Empty : "<" + CSharpTypes.Of(item, item.IsNullable) + ">";
    }

    /// <summary>The suffix of the runtime's <c>Read*</c>/<c>Write*</c>/<c>Next*</c> methods for a scalar (the type name for a model); null for collections.</summary>
    public static string? MethodName(TypeRef type) => type.Kind switch
    {
        TypeKind.Any => "Any",
        TypeKind.String => "String",
        TypeKind.Boolean => "Boolean",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Float => "Single",
        TypeKind.Double => "Double",
        TypeKind.Decimal => "Decimal",
        TypeKind.Date => "Date",
        TypeKind.DateTime => "DateTime",
        TypeKind.Guid => "Guid",
        TypeKind.Uri => "Uri",
        TypeKind.Bytes => "Bytes",
        TypeKind.Array or TypeKind.Map => null,
        _ => type.Name,
    };

    /// <summary>Like <see cref="Read"/>, but yields null for a JSON null when the type is nullable.</summary>
    public static string ReadMaybeNull(TypeRef type, string reader, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal)
    {
        var read = Read(type, reader, depth, index, scope);
        if (!type.IsNullable)
        {
            return read;
        }

        return reader + ".TokenType == global::System.Text.Json.JsonTokenType.Null ? default(" + CSharpTypes.Of(type, true) + ") : " + read;
    }

    /// <summary>A statement writing the non-null value <paramref name="value"/> to <paramref name="writer"/>.</summary>
    public static string Write(TypeRef type, string writer, string value, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal)
    {
        switch (type.Kind)
        {
            case TypeKind.Any: return value + ".WriteTo(" + writer + ");";
            case TypeKind.String:
            case TypeKind.DateTime:
            case TypeKind.Guid:
                return writer + ".WriteStringValue(" + value + ");";
            case TypeKind.Boolean: return writer + ".WriteBooleanValue(" + value + ");";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Float:
            case TypeKind.Double:
            case TypeKind.Decimal:
                return writer + ".WriteNumberValue(" + value + ");";
            case TypeKind.Date: return WriterClass(index, scope) + "WriteDate(" + writer + ", " + value + ");";
            case TypeKind.Uri: return WriterClass(index, scope) + "WriteUri(" + writer + ", " + value + ");";
            case TypeKind.Bytes: return writer + ".WriteBase64StringValue(" + value + ");";
            case TypeKind.Array:
            case TypeKind.Map:
                var method = type.Kind == TypeKind.Array ? "WriteList" : "WriteMap";
                return WriterClass(index, scope) + method + ItemArgument(type) + "(" + writer + ", " + value + ", " + ItemWriter(type, depth, index, scope) + ");";
            default:
                return WriterClass(index, scope) + "WriteModel(" + writer + ", " + value + ");";
        }
    }

    /// <summary>
    /// The runtime helper that writes the property of a scalar <paramref name="type"/> in one call, skipping a null
    /// (<c>WriteStringProperty(writer, "name"u8, value.Name)</c>); null for other types.
    /// </summary>
    public static string? ScalarPropertyWriter(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTime or TypeKind.Guid or TypeKind.Boolean
            or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => "Write" + MethodName(type) + "Property",
        _ => null,
    };

    /// <summary>Writes a value that may be null (writing JSON null; nullable structs are unwrapped).</summary>
    public static string WriteMaybeNull(TypeRef type, string writer, string value, int depth, ApiModelIndex index, JsonScope scope = JsonScope.Internal)
    {
        if (!type.IsNullable)
        {
            return Write(type, writer, value, depth, index, scope);
        }

        var unwrapped = CSharpTypes.IsValueType(type, index) ? value + ".Value" : value;
        return "if (" + value + " is null) { " + writer + ".WriteNullValue(); } else { " + Write(type, writer, unwrapped, depth, index, scope) + " }";
    }

    /// <summary>The JSON value kinds a variant of this type can be read from (for unions).</summary>
    public static string? KindTest(TypeRef type, string element, ApiModelIndex index)
    {
        var kind = element + ".ValueKind";
        // Unions are read only in the models' JSON file, which imports JsonValueKind by that name.
        const string K = "JsonValueKind.";
        switch (type.Kind)
        {
            case TypeKind.Any: return null;
            case TypeKind.Boolean: return "(" + kind + " == " + K + "True || " + kind + " == " + K + "False)";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Float:
            case TypeKind.Double:
            case TypeKind.Decimal:
                return "(" + kind + " == " + K + "Number || " + kind + " == " + K + "String)";
            case TypeKind.Array: return kind + " == " + K + "Array";
            case TypeKind.Map: return kind + " == " + K + "Object";
            case TypeKind.Named:
                var model = index.Find(type.Name);
                return model?.Kind switch
                {
                    TypeModelKind.Object => kind + " == " + K + "Object",
                    TypeModelKind.Enum => kind + " == " + K + "String",
                    _ => null,
                };
            default:
                return kind + " == " + K + "String";
        }
    }

    /// <summary>
    /// The runtime helpers live in <c>{Namespace}.Internal</c>, where most generated code that reads or writes JSON is
    /// too; code outside it (the public error extensions) asks for qualified names, and the models' JSON file imports
    /// the namespace and the helpers' members.
    /// </summary>
    private static string Named(ApiModelIndex index, JsonScope scope) =>
        scope == JsonScope.Qualified ? "global::" + index.Model.Namespace + ".Internal." : string.Empty;

    private static string ReaderClass(ApiModelIndex index, JsonScope scope) => Helper(index, scope, "JsonValueReader.");

    private static string WriterClass(ApiModelIndex index, JsonScope scope) => Helper(index, scope, "JsonValueWriter.");

    private static string Helper(ApiModelIndex index, JsonScope scope, string helper) => scope switch
    {
        JsonScope.Qualified => "global::" + index.Model.Namespace + ".Internal." + helper,
        JsonScope.ModelJson => string.Empty,
        _ => helper,
    };
}

/// <summary>Where generated JSON code is written, which decides how it names the runtime helpers.</summary>
internal enum JsonScope
{
    /// <summary>In <c>{Namespace}.Internal</c>: <c>JsonValueReader.ReadString</c>.</summary>
    Internal,

    /// <summary>Outside it: <c>global::{Namespace}.Internal.JsonValueReader.ReadString</c>.</summary>
    Qualified,

    /// <summary>In the models' JSON file, which imports the helpers' members: <c>ReadString</c>.</summary>
    ModelJson,
}
