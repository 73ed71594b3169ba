using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// Static fields of one implementation class, each emitted once however many methods use it:
/// attribute providers for custom URL formatters, query converters, JSON metadata, form field
/// descriptors and security descriptors.
/// </summary>
internal sealed class SharedFields
{
    private readonly ApiModelIndex _index;
    private readonly Dictionary<string, string> _names = new();
    private readonly List<string> _declarations = new();

    public SharedFields(ApiModelIndex index)
    {
        _index = index;
    }

    public IReadOnlyList<string> Declarations => _declarations;

    /// <summary>The namespace of the spec's generated code.</summary>
    public string Namespace => _index.Model.Namespace;

    /// <summary>The attributes a custom <c>IUrlParameterFormatter</c> sees for the parameter, as Refit passes them.</summary>
    public string Provider(RefitParameter p)
    {
        var attributes = new List<(string Type, string Instance)>();
        if (p.Kind is RefitBindingKind.QueryScalar or RefitBindingKind.QueryCollection)
        {
            var query = p.Kind == RefitBindingKind.QueryCollection
                ? "new global::Refit.QueryAttribute(global::Refit.CollectionFormat." + p.CollectionFormat + ")"
                : "new global::Refit.QueryAttribute()" + (p.QueryArguments.Length == 0 ? string.Empty : " { " + p.QueryArguments + " }");
            attributes.Add(("global::Refit.QueryAttribute", query));
        }

        if (p.WireName != p.Name.TrimStart('@'))
        {
            attributes.Add(("global::Refit.AliasAsAttribute", "new global::Refit.AliasAsAttribute(" + Literals.String(p.WireName) + ")"));
        }

        if (attributes.Count == 0)
        {
            return "global::Refit.GeneratedParameterAttributeProvider.Empty";
        }

        // Typed as the provider class itself: FormatUrlParameter takes an ICustomAttributeProvider in 16.4 and a
        // Refit.IParameterAttributeProvider in 17, and both providers implement the one their Refit asks for.
        if (attributes.Count == 1)
        {
            const string single = "global::Refit.GeneratedSingleTypeParameterAttributeProvider";
            return Field("s_attributes", single, "new " + single + "(typeof(" + attributes[0].Type + "), new object[] { " + attributes[0].Instance + " })");
        }

        const string several = "global::Refit.GeneratedParameterAttributeProvider";
        return Field("s_attributes", several, "new " + several + "(new global::System.Collections.Generic.Dictionary<global::System.Type, object[]> { "
            + string.Join(", ", attributes.Select(a => "[typeof(" + a.Type + ")] = new object[] { " + a.Instance + " }")) + " })");
    }

    public string Converter(ParameterModel p)
    {
        var type = "global::" + _index.Model.Namespace + ".Internal." + RefitParameter.ConverterName(p, _index);
        return Field("s_converter", type, "new " + type + "()");
    }

    /// <summary>Metadata for a JSON body: the context's for a model, generated read/write code otherwise.</summary>
    public string TypeInfo(TypeRef type)
    {
        var model = _index.Model;
        if (type.Kind == TypeKind.Named && _index.Find(type.Name) is { } named)
        {
            return "global::" + model.Namespace + "." + model.ClientName + "JsonContext.Default." + JsonContextEmitter.TypeInfoName(named.Name);
        }

        var csharp = CSharpTypes.Of(type);
        var initializer = "global::" + model.Namespace + ".Internal.GeneratedJson.Create<" + csharp + ">(global::" + model.Namespace + "." + model.ClientName + "JsonContext.Options, "
            + JsonCode.ValueReader(type with { IsNullable = false }, 0, _index) + ", " + JsonCode.ValueWriter(type with { IsNullable = false }, 0, _index) + ")";
        return Field("s_json", "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + csharp + ">", initializer);
    }

    /// <summary>Form field descriptors, so Refit flattens a form body without reflection.</summary>
    public string FormFields(TypeRef type)
    {
        var csharp = CSharpTypes.Of(type with { IsNullable = false });
        var fields = (_index.Find(type.Name)?.Properties ?? default).Select(p =>
        {
            // Extensible enums are structs Refit's formatter would not know: it gets their wire text.
            var getter = _index.Find(p.Type.Name)?.Kind == TypeModelKind.Enum
                ? "static b => " + (p.Type.IsNullable || !p.IsRequired ? "b." + p.Name + "?.Value" : "b." + p.Name + ".Value")
                : "static b => b." + p.Name;
            // The spec's name is the explicit field name on both Refits, so no serializer's naming can change it.
            var names = _index.Refit.FormFieldNames
                ? "new global::Refit.FormFieldNames(" + Literals.String(p.JsonName) + ", null, null, null)"
                : Literals.String(p.JsonName);
            return "new global::Refit.FormField<" + csharp + ">(" + getter + ", " + Literals.String(p.Name) + ", " + names + ", null, null, "
                + (p.Type.Kind == TypeKind.Array ? "global::Refit.CollectionFormat.Multi" : "null") + ", false)";
        });
        return Field("s_form", "global::Refit.FormField<" + csharp + ">[]", "new global::Refit.FormField<" + csharp + ">[] { " + string.Join(", ", fields) + " }");
    }

    /// <summary>Descriptors of the operation's security alternatives, e.g. "http:bearer", for handlers.</summary>
    public string Security(OperationModel op)
    {
        var alternatives = SecurityDescriptors(op, _index.Model);
        return alternatives.Count == 0
            ? "global::System.Array.Empty<string>()"
            : Field("s_security", "string[]", "new[] { " + string.Join(", ", alternatives.Select(Literals.String)) + " }");
    }

    /// <summary>The operation's security alternatives as descriptors ("http:bearer", "apiKey:header:X-Key", ...).</summary>
    public static List<string> SecurityDescriptors(OperationModel op, ApiModel model) =>
        op.Security.Select(requirement => string.Join("+", requirement.SchemeNames.Select(name =>
        {
            var scheme = model.SecuritySchemes.FirstOrDefault(s => s.Name == name);
            return scheme switch
            {
                null => name,
                { Type: "http" } => "http:" + (scheme.Scheme ?? string.Empty).ToLowerInvariant(),
                { Type: "apiKey" } => "apiKey:" + scheme.In + ":" + scheme.ParameterName,
                _ => scheme.Type,
            };
        }))).ToList();

    private string Field(string prefix, string type, string initializer)
    {
        var key = type + "=" + initializer;
        if (!_names.TryGetValue(key, out var name))
        {
            name = prefix + _declarations.Count;
            _names[key] = name;
            _declarations.Add("private static readonly " + type + " " + name + " = " + initializer + ";");
        }

        return name;
    }
}
