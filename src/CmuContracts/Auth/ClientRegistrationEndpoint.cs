using CmuContracts.AdobePass;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmuContracts.Auth;

/// <summary>Registers a software statement. The only place that touches the generated registration client.</summary>
internal interface IClientRegistrationEndpoint
{
    /// <exception cref="ClientRegistrationException">The server refused the statement.</exception>
    Task<ClientCredentials> RegisterAsync(SoftwareStatement statement, string? redirectUri, CancellationToken cancellationToken);
}

/// <summary>Over the generated Refit <see cref="IRegistrationClient"/>.</summary>
internal sealed class GeneratedClientRegistrationEndpoint(IServiceProvider services, IOptions<CmuClientOptions> options) : IClientRegistrationEndpoint
{
    public async Task<ClientCredentials> RegisterAsync(SoftwareStatement statement, string? redirectUri, CancellationToken cancellationToken)
    {
        var request = new ClientRegistrationRequest { SoftwareStatement = statement.Value, RedirectUri = redirectUri };
        ClientRegistration registration;
        try
        {
            // Typed clients are transient: resolved per call so handlers rotate as IHttpClientFactory intends.
            var client = services.GetRequiredService<IRegistrationClient>();
            registration = await client.RegisterClientAsync(request, options.Value.DeviceInfo.ToHeaderValue(), cancellationToken).ConfigureAwait(false);
        }
        catch (CmuServiceException ex)
        {
            throw new ClientRegistrationException(
                $"Registering software id {statement.SoftwareId} at {options.Value.EffectiveRegistrationBaseAddress} failed: HTTP {ex.StatusCode}{(ex.ErrorCode is null ? string.Empty : ", error '" + ex.ErrorCode + "'")}.",
                ex);
        }
        catch (CmuTransportException ex)
        {
            // No answer (a lost connection, a timeout): typed, so the CMU call that needed the
            // registration does not mistake it for its own transport failure and send it again.
            throw new ClientRegistrationException($"Registering software id {statement.SoftwareId} got no answer: {ex.Message}", ex);
        }

        return ClientCredentials.FromRegistration(registration);
    }
}
