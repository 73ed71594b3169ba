using System.Net;
using CmuContracts.Http;
using CmuContracts.Tests.Pipeline;
using CmuContracts.Tests.Secrets;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>The 401 strategy on its own: what it handles, how it replaces the token, how a second 401 fails.</summary>
public sealed class RenewOn401StrategyTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, true)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    public async Task HandlesA401AndNoOtherStatus(HttpStatusCode status, bool handled)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent("""{"error":"invalid_client"}""") };

        Assert.Equal(handled, await RenewOn401Strategy.Instance.HandlesAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task ReplacesTheRejectedTokenByRenewingItNeverByRegisteringAgain()
    {
        var tokens = new RecordingTokenManager();
        var rejected = tokens.Current;

        var replacement = await RenewOn401Strategy.Instance.ReplaceAsync(tokens, rejected, CancellationToken.None);

        Assert.Equal(["renew"], tokens.Calls);
        Assert.Same(rejected, Assert.Single(tokens.Rejected));
        Assert.NotEqual(rejected.Value, replacement.Value);
    }

    [Fact]
    public void ASecond401IsAnAuthenticationFailureThatNamesTheOperationAndIsLogged()
    {
        using var scan = new SecretScan();
        using var logs = new CapturingLoggerProvider(scan);

        var ex = RenewOn401Strategy.Instance.RefusedAgain(logs.CreateLogger("test"), "getTenant");

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("getTenant", ex.OperationId);
        Assert.Contains("401 twice", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Persistent401", Assert.Single(logs.Records).EventId.Name);
    }
}
