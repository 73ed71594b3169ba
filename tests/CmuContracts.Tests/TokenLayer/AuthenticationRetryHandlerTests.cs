using System.Net;
using CmuContracts.Auth;
using CmuContracts.Http;
using CmuContracts.Tests.Pipeline;
using CmuContracts.Tests.Secrets;
using Microsoft.Extensions.Logging;
using static CmuContracts.Tests.TokenLayer.ScriptedInnerHandler;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>
/// The strategies in their handler, outside the bearer handler as AddCmuClient places them: each refusal is answered
/// at most once, the refusal is disposed before the replacement is fetched, and the replacement is what is re-sent.
/// </summary>
public sealed class AuthenticationRetryHandlerTests : IDisposable
{
    private const string InvalidClient = """{"error":"invalid_client"}""";
    private readonly SecretScan _scan = new();
    private readonly CapturingLoggerProvider _logs;
    private readonly RecordingTokenManager _tokens = new();

    public AuthenticationRetryHandlerTests()
    {
        _logs = new CapturingLoggerProvider(_scan);
    }

    [Fact]
    public async Task A401RenewsOnceDisposesTheRefusalAndResendsWithTheRenewedToken()
    {
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Unauthorized), Status(HttpStatusCode.OK));
        var first = _tokens.Current;
        bool? refusalDisposedAtRenewal = null;
        _tokens.OnReplace = () => refusalDisposedAtRenewal = inner.Responses[0].Disposed;
        using var request = TokenLayerRequests.Secured();

        using var response = await Chain(inner).SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["get", "renew"], _tokens.Calls);
        Assert.Same(first, Assert.Single(_tokens.Rejected));
        Assert.Equal(["Bearer " + first.Value, "Bearer " + _tokens.Current.Value], inner.Authorizations);
        Assert.True(refusalDisposedAtRenewal); // before, so it does not hold its connection during the renewal
        Assert.Contains(_logs.Records, r => r.EventId.Name == "RenewingAfter401");
    }

    [Fact]
    public async Task A401ToTheRenewedTokenFailsWithoutALoop()
    {
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Unauthorized));
        using var request = TokenLayerRequests.Secured();

        var ex = await Assert.ThrowsAsync<CmuAuthenticationException>(() => Chain(inner).SendAsync(request, CancellationToken.None));

        Assert.Equal((401, TokenLayerRequests.OperationId), (ex.StatusCode, ex.OperationId));
        Assert.Equal(2, inner.Authorizations.Count);
        Assert.Equal(["get", "renew"], _tokens.Calls);
        Assert.All(inner.Responses, r => Assert.True(r.Disposed));
    }

    [Fact]
    public async Task A403InvalidClientRegistersAgainAndResendsWithTheNewClientsToken()
    {
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Forbidden, InvalidClient), Status(HttpStatusCode.OK));
        using var request = TokenLayerRequests.Secured();

        using var response = await Chain(inner).SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["get", "register-again"], _tokens.Calls);
        Assert.Equal("Bearer " + _tokens.Current.Value, inner.Authorizations[1]);
    }

    [Fact]
    public async Task A403InvalidClientAfterRegisteringAgainFails()
    {
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Forbidden, InvalidClient));
        using var request = TokenLayerRequests.Secured();

        var ex = await Assert.ThrowsAsync<CmuAuthenticationException>(() => Chain(inner).SendAsync(request, CancellationToken.None));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(["get", "register-again"], _tokens.Calls);
    }

    [Fact]
    public async Task A401ThenA403InvalidClientRunsEachStrategyOnceInTurn()
    {
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Unauthorized), Status(HttpStatusCode.Forbidden, InvalidClient), Status(HttpStatusCode.OK));
        using var request = TokenLayerRequests.Secured();

        using var response = await Chain(inner).SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["get", "renew", "register-again"], _tokens.Calls);
        Assert.Equal(3, inner.Authorizations.Distinct().Count());
    }

    [Fact]
    public async Task ARefusalOfContentThatCannotBeSentTwiceIsHandedBackUntouched()
    {
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Unauthorized), Status(HttpStatusCode.OK));
        using var request = TokenLayerRequests.Secured(new StreamContent(new MemoryStream([1, 2, 3])));

        using var response = await Chain(inner).SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(inner.Responses[0].Disposed);
        Assert.Equal(["get"], _tokens.Calls);
        Assert.Contains(_logs.Records, r => r.EventId.Name == "NotReplayable");
    }

    [Fact]
    public async Task ARefusedCallThatCarriedNoBearerIsNeverRetried()
    {
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Unauthorized), Status(HttpStatusCode.OK));
        using var request = TokenLayerRequests.Unsecured();

        using var response = await Chain(inner).SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(inner.Authorizations);
        Assert.Empty(_tokens.Calls);
    }

    public void Dispose()
    {
        _logs.Dispose();
        _scan.Dispose();
    }

    private HttpMessageInvoker Chain(HttpMessageHandler inner) =>
        new(new AuthenticationRetryHandler(_tokens, new Logger<AuthenticationRetryHandler>(new LoggerFactory([_logs])))
        {
            InnerHandler = new BearerTokenHandler(_tokens) { InnerHandler = inner },
        });
}
