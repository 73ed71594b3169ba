using System.Net;
using CmuContracts.Http;
using static CmuContracts.Tests.TokenLayer.ScriptedInnerHandler;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>The bearer handler only attaches: the manager's token, or a strategy's replacement, and never retries.</summary>
public sealed class BearerTokenHandlerTests
{
    [Fact]
    public async Task AttachesTheManagersTokenToASecuredCallAndRecordsItForTheStrategies()
    {
        var tokens = new RecordingTokenManager();
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.OK));
        using var client = new HttpMessageInvoker(new BearerTokenHandler(tokens) { InnerHandler = inner });
        using var request = TokenLayerRequests.Secured();

        using var response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal("Bearer " + tokens.Current.Value, Assert.Single(inner.Authorizations));
        Assert.True(request.Options.TryGetValue(AccessTokenRequestOptions.Sent, out var sent));
        Assert.Same(tokens.Current, sent);
    }

    [Fact]
    public async Task LeavesACallWhoseSpecAsksForNoBearerWithoutAToken()
    {
        var tokens = new RecordingTokenManager();
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.OK));
        using var client = new HttpMessageInvoker(new BearerTokenHandler(tokens) { InnerHandler = inner });
        using var request = TokenLayerRequests.Unsecured();

        using var response = await client.SendAsync(request, CancellationToken.None);

        Assert.Null(Assert.Single(inner.Authorizations));
        Assert.Empty(tokens.Calls);
    }

    [Fact]
    public async Task AttachesAStrategysReplacementWithoutAskingTheManager()
    {
        var tokens = new RecordingTokenManager();
        var replacement = await tokens.RenewAccessTokenAsync(tokens.Current);
        tokens.Calls.Clear();
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.OK));
        using var client = new HttpMessageInvoker(new BearerTokenHandler(tokens) { InnerHandler = inner });
        using var request = TokenLayerRequests.Secured();
        request.Options.Set(AccessTokenRequestOptions.Replacement, replacement);

        using var response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal("Bearer " + replacement.Value, Assert.Single(inner.Authorizations));
        Assert.Empty(tokens.Calls);
    }

    [Fact]
    public async Task HandsA401BackUntouchedWithoutRenewingOrResending()
    {
        var tokens = new RecordingTokenManager();
        var inner = new ScriptedInnerHandler(Status(HttpStatusCode.Unauthorized), Status(HttpStatusCode.OK));
        using var client = new HttpMessageInvoker(new BearerTokenHandler(tokens) { InnerHandler = inner });
        using var request = TokenLayerRequests.Secured();

        using var response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(inner.Authorizations);
        Assert.Equal(["get"], tokens.Calls);
    }
}
