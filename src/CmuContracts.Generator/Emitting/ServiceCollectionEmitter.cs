using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// <c>IServiceCollection</c> registration through Refit's <c>AddRefitGeneratedClient</c>, one method per
/// client, with the spec's server as the default base address. Emitted only when the compilation
/// references Refit.HttpClientFactory.
/// </summary>
internal static class ServiceCollectionEmitter
{
    public static void Emit(SourceWriter w, ApiModelIndex index)
    {
        var model = index.Model;
        w.Line("namespace ", model.Namespace, ";");
        w.Line();
        w.Line("/// <summary>Registers the ", DocComments.Escape(model.ClientName), " Refit clients with <c>IHttpClientFactory</c>.</summary>");
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
            var absolute = server is not null && (server.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase) || server.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase));
            w.Line("/// <summary>");
            w.Line("/// Registers <see cref=\"I" + client.Name + "Client\"/> with <c>AddRefitGeneratedClient</c>"
                + (absolute ? "; its base address defaults to <c>" + DocComments.Escape(server!) + "</c> (set another with <c>ConfigureHttpClient</c>)." : "."));
            w.Line("/// </summary>");
            w.Line("/// <param name=\"services\">The service collection.</param>");
            w.Line("/// <param name=\"settings\">Creates the Refit settings (serializer, exception factory, authorization header getter); null for Refit's defaults.</param>");
            w.Line("/// <returns>The builder, to add handlers or resilience.</returns>");
            w.Open("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder " + method
                + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Func<global::System.IServiceProvider, global::Refit.RefitSettings?>? settings = null)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
            var add = "global::Refit.HttpClientFactoryExtensions.AddRefitGeneratedClient<I" + client.Name + "Client>(services, settings ?? (static _ => null))";
            if (absolute)
            {
                // Runs before any ConfigureHttpClient the caller adds, so theirs wins.
                w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigureHttpClient(", add, ", static client => client.BaseAddress ??= new global::System.Uri(", Literals.String(server!), "));");
            }
            else
            {
                w.Line("return ", add, ";");
            }

            w.Close();
        }

        w.Close();
    }
}
