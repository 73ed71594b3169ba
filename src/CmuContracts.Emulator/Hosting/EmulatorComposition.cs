using System.Net;
using CmuContracts.Emulator.Faults;
using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Registration;
using CmuContracts.Emulator.Reports;
using CmuContracts.Emulator.Security;
using CmuContracts.Emulator.SoftwareStatements;
using CmuContracts.Emulator.Stats;
using CmuContracts.Emulator.Throttling;
using CmuContracts.Emulator.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Hosting;

/// <summary>The one composition shared by the standalone program and the in-process host.</summary>
public static class EmulatorComposition
{
    /// <summary>
    /// Builds the emulator app listening on 127.0.0.1 only, on each of <paramref name="ports"/> (0 = a free port).
    /// </summary>
    public static WebApplication Build(EmulatorOptions options, IReadOnlyList<int> ports, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ports);
        EmulatorOptionsValidator.ThrowIfInvalid(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [] });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.RequestLimits.MaxBodyBytes;
            kestrel.Limits.MaxRequestLineSize = options.RequestLimits.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = options.RequestLimits.MaxRequestHeadersBytes;
            foreach (var port in ports)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });

        // Kestrel and hosting log request lines (with query strings, which may carry access_token or
        // client_secret): keep them quiet so that no secret ever reaches a log.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var clock = options.Clock;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(clock);
        services.AddSingleton(_ => SigningKey.LoadOrGenerate(options.RsaKeyPath));
        services.AddSingleton<ApplicationRegistry>();
        services.AddSingleton<SoftwareStatementIssuer>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<EmulatorStats>();
        services.AddSingleton(_ => new TokenBucketThrottle(options.Throttle, clock));
        // Read before the app is built, so that a spec the emulator cannot serve fails the start, not the first request.
        var tree = options.SpecPath is { } spec ? ReportTree.FromFile(spec) : ReportTree.FromEmbeddedSpec();
        services.AddSingleton(tree);
        services.AddSingleton<ReportService>();
        EmulatorResponseCompression.AddTo(services);

        var app = builder.Build();
        Log.ReportTreeLoaded(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmulatorComposition)), app.Services.GetRequiredService<ReportTree>().Count);
        if (options.ForwardedHeaders.KnownProxies.Count > 0 || options.ForwardedHeaders.KnownNetworks.Count > 0)
        {
            // Only then: with both lists empty, ASP.NET Core would believe X-Forwarded-For from any peer.
            app.UseForwardedHeaders(ForwardedHeaders(options.ForwardedHeaders));
        }

        app.UseMiddleware<StatsMiddleware>();
        EmulatorResponseCompression.UseIn(app);
        app.UseMiddleware<MalformedRequestMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<ThrottleMiddleware>();
        SoftwareStatementEndpoints.Map(app);
        StatsEndpoints.Map(app);
        RegistrationEndpoint.Map(app);
        TokenEndpoint.Map(app);
        CmuEndpoint.Map(app);
        return app;
    }

    // ASP.NET Core trusts loopback proxies by default; the emulator trusts the configured ones only.
    private static ForwardedHeadersOptions ForwardedHeaders(ForwardedHeadersSettings settings)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return forwarded;
    }
}
