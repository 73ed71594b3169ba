using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Emitting.Refit;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>Lookups over one <see cref="ApiModel"/> that several emitters need (types by name).</summary>
internal sealed class ApiModelIndex
{
    private readonly Dictionary<string, TypeModel> _types = new();
    private HashSet<string>? _formBodies;

    public ApiModelIndex(ApiModel model, GenerationOptions? options = null, RefitApi? refit = null)
    {
        Model = model;
        Options = options ?? GenerationOptions.Default;
        Refit = refit ?? RefitApi.Refit16;
        foreach (var type in model.Types)
        {
            _types[type.Name] = type;
        }
    }

    public ApiModel Model { get; }

    /// <summary>The spec's emitting options (return shape, required-property strictness).</summary>
    public GenerationOptions Options { get; }

    /// <summary>The referenced Refit's generated-code surface, where 16.4 and 17 differ.</summary>
    public RefitApi Refit { get; }

    /// <summary>True when some operation sends the type as an <c>application/x-www-form-urlencoded</c> body.</summary>
    public bool IsFormBody(string name)
    {
        _formBodies ??= new HashSet<string>(Model.Clients.SelectMany(c => c.Operations)
            .Where(o => o.Body is { Kind: MediaKind.Form, Type.Name: not null })
            .Select(o => o.Body!.Type.Name!), System.StringComparer.Ordinal);
        return _formBodies.Contains(name);
    }

    public TypeModel? Find(string? name) => name is not null && _types.TryGetValue(name, out var type) ? type : null;

    /// <summary>Enums are emitted as readonly structs; objects and unions as classes.</summary>
    public bool IsValueType(string? name) => Find(name)?.Kind == TypeModelKind.Enum;
}
