namespace SpecNamespace;

/// <summary>
/// One operation of a generated client, as data: its operationId, HTTP method, path template, parameters and the
/// media type it reads. The typed subclasses invoke it; each client's <c>…Operations</c> class lists them all.
/// </summary>
public abstract class ApiOperation
{
    private protected ApiOperation(string operationId, string httpMethod, string pathTemplate, global::System.Collections.Generic.IReadOnlyList<ApiParameter> parameters, string? mediaType, global::System.Collections.Generic.IReadOnlyList<string> security)
    {
        Security = security;
        OperationId = operationId;
        HttpMethod = httpMethod;
        PathTemplate = pathTemplate;
        Parameters = parameters;
        MediaType = mediaType;
    }

    /// <summary>The spec's operationId.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method, upper case (<c>GET</c>).</summary>
    public string HttpMethod { get; }

    /// <summary>The spec's path template, relative to the client's base address (<c>/tenant/{id}</c>).</summary>
    public string PathTemplate { get; }

    /// <summary>The parameters, in the order the interface method takes them (required ones first).</summary>
    public global::System.Collections.Generic.IReadOnlyList<ApiParameter> Parameters { get; }

    /// <summary>The media type this invocation asks for and reads (its <c>Accept</c>), or null when it reads no body.</summary>
    public string? MediaType { get; }

    /// <summary>
    /// The operation's security alternatives, as its requests carry them in <see cref="ApiRequestOptions.Security"/>
    /// ("http:bearer", "apiKey:header:X-Key", ...); empty when it needs no credentials.
    /// </summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Security { get; }

    /// <inheritdoc />
    public override string ToString() => HttpMethod + " " + PathTemplate + " (" + OperationId + (MediaType is null ? string.Empty : ", " + MediaType) + ")";
}

/// <summary>An operation of <typeparamref name="TClient"/> whose parameters are carried by <typeparamref name="TArguments"/>.</summary>
/// <typeparam name="TClient">The generated Refit interface.</typeparam>
/// <typeparam name="TArguments">The arguments type; operations with the same parameters share it.</typeparam>
public abstract class ApiOperation<TClient, TArguments> : ApiOperation
{
    private readonly global::System.Func<TClient, TArguments, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage>> _send;

    private protected ApiOperation(
        string operationId,
        string httpMethod,
        string pathTemplate,
        global::System.Collections.Generic.IReadOnlyList<ApiParameter> parameters,
        string? mediaType,
        global::System.Collections.Generic.IReadOnlyList<string> security,
        global::System.Func<TClient, TArguments, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage>> send)
        : base(operationId, httpMethod, pathTemplate, parameters, mediaType, security)
    {
        _send = send;
    }

    /// <summary>
    /// The same operation read in the other media types the spec declares (<c>text/csv</c> beside JSON), each read
    /// as a string; empty when there are none.
    /// </summary>
    public global::System.Collections.Generic.IReadOnlyList<ApiOperation<TClient, TArguments>> Alternatives { get; private protected set; } = global::System.Array.Empty<ApiOperation<TClient, TArguments>>();

    /// <summary>
    /// Sends the operation through its raw variant (<c>…RawAsync</c>): the request the reading method sends, security
    /// marker included; the response is handed over unread, whatever its status, and the caller disposes it.
    /// </summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="arguments">The operation's arguments.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    public global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(TClient client, TArguments arguments, global::System.Threading.CancellationToken cancellationToken = default) =>
        _send(client, arguments, cancellationToken);
}

/// <summary>An operation invoked through its reading method, which returns <typeparamref name="TTask"/>.</summary>
/// <typeparam name="TClient">The generated Refit interface.</typeparam>
/// <typeparam name="TArguments">The arguments type; operations with the same parameters share it.</typeparam>
/// <typeparam name="TTask">What the interface method returns (<c>Task&lt;Pet&gt;</c>, or <c>Task</c> when it reads no body).</typeparam>
public sealed class ApiOperation<TClient, TArguments, TTask> : ApiOperation<TClient, TArguments>
    where TTask : global::System.Threading.Tasks.Task
{
    private readonly global::System.Func<TClient, TArguments, global::System.Threading.CancellationToken, TTask> _invoke;

    /// <summary>Describes an operation; generated code creates these.</summary>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="httpMethod">The HTTP method, upper case.</param>
    /// <param name="pathTemplate">The path template.</param>
    /// <param name="parameters">The parameters, in the interface method's order.</param>
    /// <param name="mediaType">The media type read, or null.</param>
    /// <param name="security">The security alternatives (descriptors).</param>
    /// <param name="invoke">Calls the interface's reading method.</param>
    /// <param name="send">Calls the interface's raw variant.</param>
    /// <param name="alternatives">The same operation read in other media types.</param>
    public ApiOperation(
        string operationId,
        string httpMethod,
        string pathTemplate,
        global::System.Collections.Generic.IReadOnlyList<ApiParameter> parameters,
        string? mediaType,
        global::System.Collections.Generic.IReadOnlyList<string> security,
        global::System.Func<TClient, TArguments, global::System.Threading.CancellationToken, TTask> invoke,
        global::System.Func<TClient, TArguments, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage>> send,
        params ApiOperation<TClient, TArguments>[] alternatives)
        : base(operationId, httpMethod, pathTemplate, parameters, mediaType, security, send)
    {
        _invoke = invoke;
        Alternatives = alternatives;
    }

    /// <summary>Calls the operation's interface method (which throws Refit's <c>ApiException</c> for a non-success status).</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="arguments">The operation's arguments.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What the interface method returns.</returns>
    public TTask InvokeAsync(TClient client, TArguments arguments, global::System.Threading.CancellationToken cancellationToken = default) =>
        _invoke(client, arguments, cancellationToken);
}
