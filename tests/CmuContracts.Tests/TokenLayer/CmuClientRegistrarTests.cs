using CmuContracts.Auth;
using CmuContracts.Tests.Auth;
using CmuContracts.Tests.Pipeline;
using CmuContracts.Tests.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>The registrar on its own: register once and reuse, register again only for a rejected or expiring client.</summary>
public sealed class CmuClientRegistrarTests : IDisposable
{
    private static readonly string Statement = TestJwt.Create("""{"sub":"registrar-app","iss":"auth.adobe.com","nbf":1}""");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CountingRegistrationEndpoint _endpoint = new();
    private readonly SecretScan _scan = new();
    private readonly CapturingLoggerProvider _logs;

    public CmuClientRegistrarTests()
    {
        _logs = new CapturingLoggerProvider(_scan);
    }

    [Fact]
    public async Task RegistersOnceAndStoresTheCredentialsWhenNoneAreStored()
    {
        var store = new InMemoryCredentialStore();
        var registrar = Registrar(store);

        var first = await registrar.GetCredentialsAsync();
        var second = await registrar.GetCredentialsAsync();

        Assert.Equal(1, _endpoint.Registrations);
        Assert.Same(first, second);
        Assert.Same(first, await store.GetAsync(registrar.GetCredentialKey()));
    }

    [Fact]
    public async Task RegistersAgainWhenTheStoredClientIsTheRejectedOne()
    {
        var store = new InMemoryCredentialStore();
        var registrar = Registrar(store);
        var rejected = await registrar.GetCredentialsAsync();

        var replacement = await registrar.GetCredentialsAsync(rejected.ClientId);

        Assert.Equal(2, _endpoint.Registrations);
        Assert.NotEqual(rejected.ClientId, replacement.ClientId);
        Assert.Same(replacement, await store.GetAsync(registrar.GetCredentialKey()));
        Assert.Contains(_logs.Records, r => r.EventId.Name == "RegisteringAgain");
    }

    [Fact]
    public async Task KeepsTheClientAnotherInstanceAlreadyRegisteredInPlaceOfTheRejectedOne()
    {
        var registrar = Registrar(new InMemoryCredentialStore());
        var current = await registrar.GetCredentialsAsync();

        Assert.Same(current, await registrar.GetCredentialsAsync("client-replaced-meanwhile"));
        Assert.Equal(1, _endpoint.Registrations);
    }

    [Fact]
    public async Task RegistersAgainShortlyBeforeTheStoredSecretExpires()
    {
        var store = new InMemoryCredentialStore();
        var registrar = Registrar(store);
        var expiring = new ClientCredentials("client-expiring", "secret-expiring", _clock.GetUtcNow().AddDays(-1)) { ExpiresAt = _clock.GetUtcNow().AddSeconds(30) };
        await store.SetAsync(registrar.GetCredentialKey(), expiring);

        var credentials = await registrar.GetCredentialsAsync();

        Assert.Equal(1, _endpoint.Registrations);
        Assert.NotEqual(expiring.ClientId, credentials.ClientId);
        Assert.Contains(_logs.Records, r => r.EventId.Name == "CredentialsExpiring");
    }

    [Fact]
    public async Task ReplacingRefusedCredentialsTakesOnesAnotherInstanceStoredMeanwhile()
    {
        var store = new InMemoryCredentialStore();
        var registrar = Registrar(store);
        var refused = await registrar.GetCredentialsAsync();
        var others = new ClientCredentials("client-of-another-instance", "secret-other");
        await store.SetAsync(registrar.GetCredentialKey(), others);

        Assert.Same(others, await registrar.ReplaceAsync(refused));
        Assert.Equal(1, _endpoint.Registrations);
    }

    [Fact]
    public async Task ReplacingRefusedCredentialsRegistersWhenTheStoreStillHoldsThem()
    {
        var registrar = Registrar(new InMemoryCredentialStore());
        var refused = await registrar.GetCredentialsAsync();

        var replacement = await registrar.ReplaceAsync(refused);

        Assert.Equal(2, _endpoint.Registrations);
        Assert.NotEqual(refused.ClientId, replacement.ClientId);
    }

    [Fact]
    public async Task AStoreThatCannotSaveDoesNotLoseTheRegistration()
    {
        var registrar = Registrar(new UnwritableStore());

        var credentials = await registrar.GetCredentialsAsync();

        Assert.Equal("client-1", credentials.ClientId);
        Assert.Contains(_logs.Records, r => r.EventId.Name == "CredentialsNotSaved");
    }

    [Fact]
    public async Task AnUnusableStatementFailsBeforeAnyRequest()
    {
        var registrar = Registrar(new InMemoryCredentialStore(), statement: "not-a-jwt");

        Assert.Throws<SoftwareStatementException>(() => registrar.GetCredentialKey());
        await Assert.ThrowsAsync<SoftwareStatementException>(() => registrar.GetCredentialsAsync());
        Assert.Equal(0, _endpoint.Registrations);
    }

    public void Dispose()
    {
        _logs.Dispose();
        _scan.Dispose();
    }

    private CmuClientRegistrar Registrar(ICredentialStore store, string? statement = null) => new(
        Microsoft.Extensions.Options.Options.Create(new CmuClientOptions { SoftwareStatement = statement ?? Statement, RegistrationBaseAddress = new Uri("http://127.0.0.1:1/o/") }),
        store,
        _endpoint,
        _clock,
        new Logger<CmuClientRegistrar>(new LoggerFactory([_logs])));

    private sealed class CountingRegistrationEndpoint : IClientRegistrationEndpoint
    {
        private int _registrations;

        public int Registrations => _registrations;

        public Task<ClientCredentials> RegisterAsync(SoftwareStatement statement, string? redirectUri, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _registrations);
            return Task.FromResult(new ClientCredentials("client-" + n, "secret-" + n));
        }
    }

    private sealed class UnwritableStore : ICredentialStore
    {
        public ValueTask<ClientCredentials?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default) => new((ClientCredentials?)null);

        public ValueTask SetAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken = default) =>
            throw new CredentialStoreException("The test's store keeps nothing.");
    }
}
