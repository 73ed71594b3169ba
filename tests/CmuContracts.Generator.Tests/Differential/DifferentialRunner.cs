using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CmuContracts.Generator.Model;
using Refit;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// Makes every call of every Refit interface of a <see cref="DifferentialBuild"/> on both implementations, with the
/// same arguments and the same scripted responses, and collects each observation that differs.
/// </summary>
internal sealed class DifferentialRunner
{
    private static readonly Uri BaseAddress = new("https://cmu.invalid/base/");
    private static readonly JsonSerializerOptions SampleOptions = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private readonly DifferentialBuild _build;
    private readonly ApiModel _model;

    public DifferentialRunner(DifferentialBuild build, ApiModel model)
    {
        _build = build;
        _model = model;
    }

    public int Comparisons { get; private set; }

    public List<string> Differences { get; } = new();

    /// <summary>Receives every pair of observations (for the opt-in dump), equal or not.</summary>
    public Action<string>? Observed { get; init; }

    /// <summary>The interfaces compared (Refit interfaces of ours, by full name).</summary>
    public IReadOnlyList<Type> Interfaces() =>
        _build.Ours.GetExportedTypes()
            .Where(t => t.IsInterface && t.GetMethods().Any(m => m.GetCustomAttribute<HttpMethodAttribute>() is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    public async Task RunAsync(string profile)
    {
        foreach (var ours in Interfaces())
        {
            var refits = _build.Refits.GetType(ours.FullName!, throwOnError: true)!;
            VerifyImplementations(ours, refits);
            foreach (var method in ours.GetMethods())
            {
                var counterpart = refits.GetMethods().Single(m => m.Name == method.Name
                    && m.GetParameters().Select(p => OutcomeText.TypeName(p.ParameterType)).SequenceEqual(method.GetParameters().Select(p => OutcomeText.TypeName(p.ParameterType))));
                var (mediaType, body) = SuccessBody(method);
                var clientError = ClientErrorStatus(method);
                foreach (var variant in Enum.GetValues<ArgumentVariant>())
                {
                    foreach (var kind in Enum.GetValues<ResponseKind>())
                    {
                        var a = await ObserveAsync(ours, method, variant, profile, () => ScriptedResponse.Create(kind, clientError, mediaType, body)).ConfigureAwait(false);
                        var b = await ObserveAsync(refits, counterpart, variant, profile, () => ScriptedResponse.Create(kind, clientError, mediaType, body)).ConfigureAwait(false);
                        Comparisons++;
                        Observed?.Invoke($"=== {ours.Name}.{method.Name} [{profile}, {variant}, {kind}]\n--ours--\n{a}\n--refit--\n{b}\n");
                        if (kind == ResponseKind.Success && variant == ArgumentVariant.AllValues && !a.StartsWith("request:", StringComparison.Ordinal))
                        {
                            // A call that fails before sending compares equal yet proves nothing about the wire.
                            Differences.Add($"{ours.Name}.{method.Name} [{profile}, {variant}, {kind}] sent no request:\n{a}");
                        }
                        else if (a != b)
                        {
                            Differences.Add($"{ours.Name}.{method.Name} [{profile}, {variant}, {kind}]\n{LineDiff(a, b)}");
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Each side is served by the implementation it should be: ours by the generated <c>{Ns}.Internal.{Tag}Client</c>,
    /// the other by a class Refit's generator wrote. Otherwise the comparison would prove nothing.
    /// </summary>
    private static void VerifyImplementations(Type ours, Type refits)
    {
        using var http = new HttpClient(new RecordingHandler(_ => new HttpResponseMessage())) { BaseAddress = BaseAddress };
        var ourClient = RestService.ForGenerated(ours, http, new RefitSettings()).GetType();
        var refitClient = RestService.ForGenerated(refits, http, new RefitSettings()).GetType();
        var expected = ours.Namespace + ".Internal." + ours.Name[1..];
        if (ourClient.FullName != expected || ourClient.Assembly != ours.Assembly)
        {
            throw new InvalidOperationException($"{ours.FullName} is served by {ourClient.FullName}, not by our {expected}.");
        }

        if (refitClient.Assembly != refits.Assembly || refitClient.FullName == expected)
        {
            throw new InvalidOperationException($"{refits.FullName} is served by {refitClient.FullName}, not by Refit's generated implementation.");
        }
    }

    private static async Task<string> ObserveAsync(Type iface, MethodInfo method, ArgumentVariant variant, string profile, Func<HttpResponseMessage> respond)
    {
        var handler = new RecordingHandler(_ => respond());
        using var http = new HttpClient(handler) { BaseAddress = BaseAddress };
        object client;
        try
        {
            client = RestService.ForGenerated(iface, http, SettingsProfiles.Create(profile));
        }
        catch (Exception e)
        {
            return "no client: " + OutcomeText.OfException(e);
        }

        var arguments = ArgumentFactory.For(method, variant);
        var outcome = await OutcomeText.OfCallAsync(() => method.Invoke(client, arguments)).ConfigureAwait(false);
        return string.Concat(handler.Requests.Select(r => "request:\n" + r)) + "outcome: " + outcome;
    }

    /// <summary>The 2xx body: a generated sample of the result type as JSON, or text/bytes for text and binary results.</summary>
    private static (string MediaType, byte[] Body) SuccessBody(MethodInfo method)
    {
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return StreamBody(method);
        }

        var type = ResultType(method.ReturnType);
        if (type is null)
        {
            return ("application/json", "{\"ok\":true}"u8.ToArray());
        }

        if (type == typeof(HttpResponseMessage))
        {
            // A raw variant: the body is handed over unread, so any bytes show whether it arrives intact.
            return ("application/json", "{\"raw\":[1,2]}"u8.ToArray());
        }

        if (type == typeof(string))
        {
            return ("text/csv", Encoding.UTF8.GetBytes("name,value\n\"ü, x\",1\n"));
        }

        if (type == typeof(Stream) || type == typeof(HttpContent) || type == typeof(byte[]))
        {
            return ("application/octet-stream", new byte[] { 0, 1, 2, 0xC3, 0x28, 0xFF });
        }

        var sample = ArgumentFactory.Create(type, "body", 0);
        return ("application/json", JsonSerializer.SerializeToUtf8Bytes(sample, type, SampleOptions));
    }

    /// <summary>Two events (with a comment between them) or two JSON lines of generated samples, as the method's Accept asks.</summary>
    private static (string MediaType, byte[] Body) StreamBody(MethodInfo method)
    {
        var item = method.ReturnType.GetGenericArguments()[0];
        var json = JsonSerializer.Serialize(ArgumentFactory.Create(item, "event", 0), item, SampleOptions);
        var accept = method.GetCustomAttribute<HeadersAttribute>()?.Headers
            .FirstOrDefault(h => h.StartsWith("Accept:", StringComparison.Ordinal))?["Accept:".Length..].Trim();
        return accept == "text/event-stream"
            ? (accept, Encoding.UTF8.GetBytes("data: " + json + "\n\n: keep-alive\n\ndata: " + json + "\n\n"))
            : (accept ?? "application/x-ndjson", Encoding.UTF8.GetBytes(json + "\n" + json + "\n"));
    }

    /// <summary>T of Task&lt;T&gt; / Task&lt;IApiResponse&lt;T&gt;&gt;, or null when there is no body type.</summary>
    private static Type? ResultType(Type returnType)
    {
        if (!returnType.IsGenericType)
        {
            return null;
        }

        var result = returnType.GetGenericArguments()[0];
        if (result.IsGenericType && (result.GetGenericTypeDefinition() == typeof(IApiResponse<>) || result.GetGenericTypeDefinition() == typeof(ApiResponse<>)))
        {
            return result.GetGenericArguments()[0];
        }

        return result == typeof(IApiResponse) ? null : result;
    }

    /// <summary>The operation's first declared 4xx status, or 404.</summary>
    private int ClientErrorStatus(MethodInfo method)
    {
        var http = method.GetCustomAttribute<HttpMethodAttribute>()!;
        var op = _model.Clients.SelectMany(c => c.Operations)
            .FirstOrDefault(o => string.Equals(o.HttpMethod, http.Method.Method, StringComparison.OrdinalIgnoreCase) && o.Path == http.Path);
        var declared = op?.Errors.Select(e => e.StatusCode).FirstOrDefault(s => s.Length == 3 && s[0] == '4' && s.All(char.IsDigit));
        return declared is null ? 404 : int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The lines that differ, ours first (a diff of canonical observations).</summary>
    private static string LineDiff(string ours, string refits)
    {
        var a = ours.Split('\n');
        var b = refits.Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<none>";
            var right = i < b.Length ? b[i] : "<none>";
            if (left != right)
            {
                text.Append("  ours : ").Append(left).Append('\n').Append("  refit: ").Append(right).Append('\n');
            }
        }

        return text.ToString();
    }
}
