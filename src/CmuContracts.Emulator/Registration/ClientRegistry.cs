using System.Collections.Concurrent;

namespace CmuContracts.Emulator.Registration;

/// <summary>Clients registered so far, by client id.</summary>
public sealed class ClientRegistry
{
    private readonly ConcurrentDictionary<string, RegisteredClient> _clients = new(StringComparer.Ordinal);

    /// <summary>Number of known clients.</summary>
    public int Count => _clients.Count;

    /// <summary>Creates fresh UUID credentials for the application.</summary>
    public RegisteredClient Register(string applicationId, long issuedAtMs, IReadOnlyList<string> redirectUris)
    {
        var client = new RegisteredClient(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), applicationId, issuedAtMs, redirectUris);
        _clients[client.ClientId] = client;
        return client;
    }

    /// <summary>Finds a client by id.</summary>
    public RegisteredClient? Find(string clientId) => _clients.GetValueOrDefault(clientId);

    /// <summary>Forgets a client; its credentials and tokens stop working.</summary>
    public bool Forget(string clientId) => _clients.TryRemove(clientId, out _);
}
