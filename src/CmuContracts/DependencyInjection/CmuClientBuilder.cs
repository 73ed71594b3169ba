using CmuContracts.Auth;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Further configuration of the client <c>AddCmuClient</c> registered.</summary>
public sealed class CmuClientBuilder
{
    internal CmuClientBuilder(IServiceCollection services, IHttpClientBuilder registration, IHttpClientBuilder token, IHttpClientBuilder usageReports)
    {
        Services = services;
        RegistrationHttpClient = registration;
        TokenHttpClient = token;
        UsageReportsHttpClient = usageReports;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The registration endpoint's HttpClient, to add handlers (they run on every attempt, inside the retries).</summary>
    public IHttpClientBuilder RegistrationHttpClient { get; }

    /// <summary>The token endpoint's HttpClient, to add handlers (they run on every attempt, inside the retries).</summary>
    public IHttpClientBuilder TokenHttpClient { get; }

    /// <summary>The CMU reports' HttpClient (bearer-authenticated), to add handlers (they run on every attempt, inside the retries and after the bearer is set).</summary>
    public IHttpClientBuilder UsageReportsHttpClient { get; }

    /// <summary>Uses a credential store of your own.</summary>
    public CmuClientBuilder UseCredentialStore<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, ICredentialStore
    {
        Services.RemoveAll<ICredentialStore>();
        Services.AddSingleton<ICredentialStore, TStore>();
        return this;
    }

    /// <summary>
    /// Keeps credentials and the current token in the registered <see cref="IDistributedCache"/>, so
    /// instances sharing it share one registration and one token.
    /// </summary>
    public CmuClientBuilder UseDistributedCredentialStore()
    {
        Services.RemoveAll<ICredentialStore>();
        Services.AddSingleton<ICredentialStore>(sp => new DistributedCredentialStore(sp.GetRequiredService<IDistributedCache>()));
        Services.RemoveAll<ISharedTokenCache>();
        Services.AddSingleton<ISharedTokenCache>(sp => new DistributedTokenCache(sp.GetRequiredService<IDistributedCache>()));
        return this;
    }
}
