using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// One interface method of an operation: the primary one, or one per alternative text media type
/// (<c>...AsCsvAsync</c>), which differs only in its <c>Accept</c> header and string result; and after each, its raw
/// variant (<c>...RawAsync</c>, <c>Task&lt;HttpResponseMessage&gt;</c>): the same request, the response handed over
/// unread, whatever its status, so a caller can stream the body without building the request itself.
/// </summary>
internal sealed class RefitMethod
{
    private RefitMethod(OperationModel op, string name, ResponseBodyModel? body, bool isAlternative, bool apiResponse, bool bearer, bool raw = false)
    {
        IsRaw = raw;
        Operation = op;
        RequiresBearer = bearer;
        Name = name;
        Body = body;
        IsAlternative = isAlternative;
        IsApiResponse = apiResponse;
        BodyType = body switch
        {
            null => null,
            { Kind: MediaKind.Json } json => CSharpTypes.Of(json.Type with { IsNullable = false }),
            { Kind: MediaKind.Binary } => "global::System.IO.Stream",
            { Kind: MediaKind.EventStream or MediaKind.JsonLines } stream => CSharpTypes.Of(stream.Type with { IsNullable = false }),
            _ => "string",
        };
    }

    public OperationModel Operation { get; }

    public string Name { get; }

    public ResponseBodyModel? Body { get; }

    public bool IsAlternative { get; }

    /// <summary>True for the raw variant: <c>Task&lt;HttpResponseMessage&gt;</c>, nothing read, no exception for a status.</summary>
    public bool IsRaw { get; }

    /// <summary>The name of the method whose request the raw variant sends (itself for the others).</summary>
    public string ReadingName => IsRaw ? Name.Substring(0, Name.Length - RawSuffix.Length) + "Async" : Name;

    /// <summary>True when the operation's spec security needs a bearer token.</summary>
    public bool RequiresBearer { get; }

    /// <summary>True for <c>Task&lt;IApiResponse&lt;T&gt;&gt;</c> (errors in <c>.Error</c>), false for <c>Task&lt;T&gt;</c> (errors thrown).</summary>
    public bool IsApiResponse { get; }

    /// <summary>The C# type of the success body, or null when there is none.</summary>
    public string? BodyType { get; }

    /// <summary>The <c>Accept</c> header the method sends, or null.</summary>
    public string? Accept => Body?.MediaType;

    /// <summary>True for the variant that yields a streamed answer's values as they arrive (<see cref="StreamMethods"/>).</summary>
    public bool IsStream => !IsRaw && Body?.Kind is MediaKind.EventStream or MediaKind.JsonLines;

    public string ReturnType => IsRaw ? RawReturnType : IsStream ? StreamMethods.ReturnType(BodyType!) : "global::System.Threading.Tasks.Task" + (IsApiResponse
        ? "<global::Refit.IApiResponse" + (BodyType is null ? string.Empty : "<" + BodyType + ">") + ">"
        : BodyType is null ? string.Empty : "<" + BodyType + ">");

    /// <summary>Static headers, as Refit's <c>[Headers]</c> attribute lists them and sends them, in order.</summary>
    public IReadOnlyList<(string Name, string Value)> StaticHeaders
    {
        get
        {
            var headers = new List<(string, string)>();
            if (Accept is { } accept)
            {
                headers.Add(("Accept", accept));
            }

            if (RequiresBearer)
            {
                // The value stays "Bearer": RefitSettings.AuthorizationHeaderValueGetter supplies the token.
                headers.Add(("Authorization", "Bearer"));
            }

            return headers;
        }
    }

    public static IReadOnlyList<RefitMethod> For(OperationModel op, ApiModelIndex index)
    {
        var apiResponse = index.Options.ReturnShape == ReturnShape.ApiResponse;
        var bearer = NeedsBearer(op, index.Model);
        var methods = new List<RefitMethod>();
        void Add(string name, ResponseBodyModel? body, bool alternative, bool readsApiResponse)
        {
            methods.Add(new RefitMethod(op, name + "Async", body, alternative, readsApiResponse, bearer));
            methods.Add(new RefitMethod(op, name + RawSuffix, body, alternative, false, bearer, raw: true));
        }

        Add(op.Name, op.Success, false, apiResponse);
        foreach (var alternative in op.TextAlternatives)
        {
            // A stream's reading variant is {Operation}StreamAsync (an IAsyncEnumerable, never an IApiResponse).
            var stream = StreamMethods.IsStream(alternative);
            Add(stream ? StreamMethods.Stem(op) : op.Name + "As" + MediaSuffix(alternative.MediaType), alternative, true, apiResponse && !stream);
        }

        return methods;
    }

    /// <summary>What a raw variant's name ends with.</summary>
    public const string RawSuffix = "RawAsync";

    /// <summary>The return type of every raw variant.</summary>
    public const string RawReturnType = "global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage>";

    /// <summary>
    /// True when every security alternative of the operation includes an HTTP bearer scheme; an
    /// operation whose security is optional (an empty alternative) or another scheme gets no header.
    /// </summary>
    private static bool NeedsBearer(OperationModel op, ApiModel model) =>
        op.Security.Count > 0 && op.Security.All(requirement => requirement.SchemeNames.Any(name =>
            model.SecuritySchemes.FirstOrDefault(s => s.Name == name) is { Type: "http" } scheme
            && string.Equals(scheme.Scheme, "bearer", System.StringComparison.OrdinalIgnoreCase)));

    private static string MediaSuffix(string mediaType)
    {
        var subtype = mediaType.Substring(mediaType.IndexOf('/') + 1);
        var clean = new string(subtype.TakeWhile(char.IsLetterOrDigit).ToArray());
        return clean.Length == 0 ? "Text" : char.ToUpperInvariant(clean[0]) + clean.Substring(1).ToLowerInvariant();
    }
}
