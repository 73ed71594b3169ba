using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CmuContracts.Tests.Options;

/// <summary>A generic host with AddCmuClient, started as an application starts: that is when options are validated.</summary>
internal static class StartedHost
{
    /// <summary>A valid software statement for option tests; no request is sent by starting a host.</summary>
    public static readonly string Statement = Auth.TestJwt.Create("""{"sub":"options-app","iss":"auth.adobe.com","nbf":1}""");

    public static async Task<IHost> StartAsync(Action<IServiceCollection> register)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        register(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
