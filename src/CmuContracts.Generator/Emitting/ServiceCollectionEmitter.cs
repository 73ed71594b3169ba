using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// <c>IServiceCollection</c> registration on <c>IHttpClientFactory</c>, one method per client,
/// returning the <c>IHttpClientBuilder</c> so callers can add handlers. Emitted only when the
/// compilation references Microsoft.Extensions.Http.
/// </summary>
internal static class ServiceCollectionEmitter
{
    public static void Emit(SourceWriter w, ApiModelIndex index)
    {
        var model = index.Model;
        w.Line("namespace " + model.Namespace + ";");
        w.Line();
        w.Line("/// <summary>Registers the " + DocComments.Escape(model.ClientName) + " clients with <c>IHttpClientFactory</c>.</summary>");
        w.Open("public static partial class " + model.ClientName + "ServiceCollectionExtensions");
        var first = true;
        foreach (var client in model.Clients)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var method = "Add" + (client.Name == model.ClientName ? client.Name : model.ClientName + client.Name) + "Client";
            var server = client.DefaultServerUrl ?? model.DefaultServerUrl;
            w.Line("/// <summary>");
            w.Line("/// Registers <see cref=\"I" + client.Name + "Client\"/> as a typed <c>HttpClient</c>"
                + (server is null ? "." : " whose base address defaults to <c>" + DocComments.Escape(server) + "</c>."));
            w.Line("/// </summary>");
            w.Line("/// <param name=\"services\">The service collection.</param>");
            w.Line("/// <param name=\"configureClient\">Configures the <c>HttpClient</c> (base address, timeout, headers).</param>");
            w.Line("/// <returns>The builder, to add handlers or resilience.</returns>");
            w.Open("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder " + method
                + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::System.Net.Http.HttpClient>? configureClient = null)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
            w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<I" + client.Name + "Client, " + client.Name + "Client>(services, client =>");
            w.Line("{");
            w.Indent();
            if (server is not null && (server.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase) || server.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase)))
            {
                w.Line("client.BaseAddress ??= new global::System.Uri(" + Literals.String(server) + ");");
            }

            w.Line("configureClient?.Invoke(client);");
            w.Unindent();
            w.Line("});");
            w.Close();
        }

        w.Close();
    }
}
