using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// The C# parameter list of an operation: required parameters first (path, query, header, then the
/// body), optional ones after with null defaults, and the <c>CancellationToken</c> last.
/// </summary>
internal sealed class OperationSignature
{
    public const string BodyName = "body";

    private static readonly string[] AcceptParameter = { "string accept" };

    public OperationSignature(OperationModel operation, ApiModelIndex index)
    {
        var all = new List<(string Type, string Name, bool Optional)>();
        foreach (var parameter in operation.Parameters.Where(p => p.IsRequired))
        {
            all.Add((CSharpTypes.Of(parameter.Type), parameter.Name, false));
        }

        if (operation.Body is { IsRequired: true } body)
        {
            all.Add((BodyType(body), BodyName, false));
        }

        foreach (var parameter in operation.Parameters.Where(p => !p.IsRequired))
        {
            all.Add((CSharpTypes.Of(parameter.Type, true), parameter.Name, true));
        }

        if (operation.Body is { IsRequired: false } optionalBody)
        {
            all.Add((BodyType(optionalBody) + "?", BodyName, true));
        }

        var declarations = all.Select(p => p.Type + " " + p.Name + (p.Optional ? " = null" : string.Empty)).ToList();
        declarations.Add("global::System.Threading.CancellationToken cancellationToken = default");
        Declaration = string.Join(", ", declarations);
        Arguments = string.Join(", ", all.Select(p => p.Name));
        FactoryDeclaration = string.Join(", ", all.Select(p => p.Type + " " + p.Name).Concat(AcceptParameter));
    }

    /// <summary>Parameters as declared in the method, ending with the cancellation token.</summary>
    public string Declaration { get; }

    /// <summary>The same parameters as arguments (without the token), for the request factory.</summary>
    public string Arguments { get; }

    /// <summary>The request factory's parameter list: the operation's without defaults, then the Accept media type.</summary>
    public string FactoryDeclaration { get; }

    public static string BodyType(RequestBodyModel body) => body.Kind switch
    {
        MediaKind.Text => "string",
        MediaKind.Binary => "byte[]",
        _ => CSharpTypes.Of(body.Type with { IsNullable = false }),
    };

    public static string ReturnType(OperationModel operation) => operation.Success switch
    {
        null => "ApiResponse",
        { Kind: MediaKind.Json } json => "ApiResponse<" + CSharpTypes.Of(json.Type with { IsNullable = false }) + ">",
        { Kind: MediaKind.Binary } => "ApiResponse<byte[]>",
        _ => "ApiResponse<string>",
    };
}
