using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// A module initializer that hands Refit's runtime a factory per interface, so <c>RestService.ForGenerated</c> and
/// <c>AddRefitGeneratedClient</c> (and, on Refit 16.4, <c>RestService.For</c>) return the generated
/// implementations. Refit's own generator never sees our interfaces (generators cannot see each
/// other's output), so this registration is the only one.
/// </summary>
internal static class RegistrationEmitter
{
    public static void Emit(SourceWriter w, ApiModelIndex index)
    {
        var model = index.Model;
        w.Line("namespace ", model.Namespace, ".Internal;");
        w.Line();
        w.Line("/// <summary>Registers the generated Refit implementations of the ", DocComments.Escape(model.ClientName), " interfaces when the assembly loads.</summary>");
        w.Open("internal static class " + model.ClientName + "RefitRegistration");
        w.Line("#if NET5_0_OR_GREATER");
        w.Line("[global::System.Diagnostics.CodeAnalysis.SuppressMessage(\"Usage\", \"CA2255:The 'ModuleInitializer' attribute should not be used in libraries\", Justification = \"Refit looks generated implementations up in a registry that must be filled before the first RestService call.\")]");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Line("#endif");
        w.Open("internal static void Register()");
        foreach (var client in model.Clients)
        {
            var iface = "global::" + model.Namespace + ".I" + client.Name + "Client";
            w.Line("global::Refit.RestService.RegisterGeneratedSettingsFactory<", iface, ">(static (client, settings) => new ", client.Name, "Client(client, settings));");
            w.Line("global::Refit.RestService.RegisterGeneratedFactory<", iface, ">(static (client, requestBuilder) => new ", client.Name, "Client(client, requestBuilder.Settings));");
        }

        w.Close();
        w.Close();
    }
}
