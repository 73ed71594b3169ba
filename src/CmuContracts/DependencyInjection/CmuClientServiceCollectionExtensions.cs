using CmuContracts;
using CmuContracts.AdobePass;
using CmuContracts.Auth;
using CmuContracts.Http;
using CmuContracts.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Adobe Pass clients with the whole access procedure done for the user.</summary>
public static class CmuClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRegistrationClient"/>, <see cref="ITokenClient"/> and an authenticated
    /// <see cref="IUsageReportsClient"/> (and over it <see cref="IUsageReports"/>), the token provider, a credential store and
    /// resilience. The store is a file that keeps the credentials and the current token across processes, as Adobe asks:
    /// <see cref="CmuClientOptions.CredentialStorePath"/>, else <c>credentials.json</c> in the user's cmu folder
    /// (<see cref="CmuUserFolder"/>); memory with <see cref="CmuClientOptions.CredentialStorage"/> <c>Memory</c> or
    /// <see cref="CmuClientBuilder.UseInMemoryCredentialStore"/>.
    /// </summary>
    public static CmuClientBuilder AddCmuClient(this IServiceCollection services, Action<CmuClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CmuClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>As <see cref="AddCmuClient(IServiceCollection, Action{CmuClientOptions})"/>, bound to a configuration section.</summary>
    public static CmuClientBuilder AddCmuClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CmuClientOptions>().Configure(options => CmuClientOptionsBinder.Bind(configuration, options));
        return AddCore(services);
    }

    private static CmuClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<CmuClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CmuClientOptions>, CmuClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CmuClientOptions>, CmuClientOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICredentialStore>(sp => DefaultCredentialStore.Create(
            sp.GetRequiredService<IOptions<CmuClientOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(ICredentialStore).FullName!) ?? NullLogger.Instance));
        // Processes sharing a credential file take turns through a lock beside it, waiting at most for another
        // one's registration and token request (each bounded by the total timeout); other stores need none here.
        services.TryAddSingleton<IAccessLock>(sp => sp.GetRequiredService<ICredentialStore>() is IFileBackedCredentialStore file
            ? file.CreateAccessLock(
                2 * sp.GetRequiredService<IOptions<CmuClientOptions>>().Value.Resilience.TotalTimeout,
                sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(ICredentialStore).FullName!) ?? NullLogger.Instance)
            : new InProcessAccessLock());
        services.TryAddSingleton<IClientRegistrationEndpoint, GeneratedClientRegistrationEndpoint>();
        services.TryAddSingleton<ITokenEndpoint, GeneratedTokenEndpoint>();
        services.TryAddSingleton<ICmuClientRegistrar>(sp => new CmuClientRegistrar(
            sp.GetRequiredService<IOptions<CmuClientOptions>>(),
            sp.GetRequiredService<ICredentialStore>(),
            sp.GetRequiredService<IClientRegistrationEndpoint>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CmuClientRegistrar>>() ?? NullLogger<CmuClientRegistrar>.Instance));
        services.TryAddSingleton(sp => new CmuAccessTokenProvider(
            sp.GetRequiredService<IOptions<CmuClientOptions>>(),
            sp.GetRequiredService<ICmuClientRegistrar>(),
            sp.GetRequiredService<ITokenEndpoint>(),
            sp.GetRequiredService<IAccessLock>(),
            // A fleet's shared cache, else the credential store when it keeps tokens too (the credential file does).
            sp.GetService<ISharedTokenCache>() ?? sp.GetRequiredService<ICredentialStore>() as ISharedTokenCache,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CmuAccessTokenProvider>>() ?? NullLogger<CmuAccessTokenProvider>.Instance));
        services.TryAddSingleton<ICmuAccessTokenManager>(sp => sp.GetRequiredService<CmuAccessTokenProvider>());
        services.TryAddTransient<AuthenticationRetryHandler>();
        services.TryAddTransient<BearerTokenHandler>();
        services.TryAddTransient<RequestDurationHandler>();
        services.TryAddTransient<CmuFailureHandler>();

        // The generated Refit clients: base addresses from the options, every failure one of the library's exceptions.
        var registration = Pipeline(services.AddAdobePassRegistrationClient(static _ => CmuRefitSettings.Create()), o => o.EffectiveRegistrationBaseAddress, authenticated: false);
        var token = Pipeline(services.AddAdobePassTokenClient(static _ => CmuRefitSettings.Create()), o => o.EffectiveRegistrationBaseAddress, authenticated: false);
        var usageReports = Pipeline(services.AddAdobePassUsageReportsClient(static _ => CmuRefitSettings.Create()), o => o.EffectiveCmuBaseAddress!, authenticated: true); // null fails validation first
        services.TryAddTransient<IUsageReports>(sp => new UsageReportsService(
            sp.GetRequiredService<IUsageReportsClient>(), sp.GetRequiredService<IHttpClientFactory>().CreateClient(usageReports.Name), sp.GetService<ILogger<UsageReportsService>>()));
        return new CmuClientBuilder(services, registration, token, usageReports);
    }

    /// <summary>
    /// Handlers, outermost first: failures into the library's exceptions, duration, then for authenticated clients the
    /// 401/403 strategies and the bearer, then retries and timeouts, then any the user adds. The bearer sits outside the
    /// retries so a CMU call's retry or attempt timeout never re-runs a failed registration or token request (POSTs the
    /// server may have processed), and a strategy's replacement token re-sends through the bearer and the retries.
    /// </summary>
    private static IHttpClientBuilder Pipeline(IHttpClientBuilder builder, Func<CmuClientOptions, Uri> baseAddress, bool authenticated)
    {
        builder.ConfigureHttpClient((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptions<CmuClientOptions>>().Value;
            client.BaseAddress = baseAddress(options);
            client.DefaultRequestHeaders.UserAgent.Clear();
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            client.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns timeouts.
        });

        // Adobe strongly recommends Accept-Encoding: gzip, deflate [D]: the primary handler sends it and decodes both.
        builder.UseSocketsHttpHandler((handler, _) => handler.AutomaticDecompression = CmuHttpCompression.Methods);
        builder.AddHttpMessageHandler<CmuFailureHandler>();
        builder.AddHttpMessageHandler<RequestDurationHandler>();
        if (authenticated)
        {
            builder.AddHttpMessageHandler<AuthenticationRetryHandler>();
            builder.AddHttpMessageHandler<BearerTokenHandler>();
        }

        builder.AddResilienceHandler("cmu", (pipeline, context) =>
            CmuResilience.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<CmuClientOptions>>().Value.Resilience,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
