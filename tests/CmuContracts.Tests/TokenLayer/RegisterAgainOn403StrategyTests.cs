using System.Net;
using System.Text;
using CmuContracts.Http;
using CmuContracts.Tests.Pipeline;
using CmuContracts.Tests.Secrets;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>The 403 strategy on its own: only <c>invalid_client</c> is its to answer, by registering again, once.</summary>
public sealed class RegisterAgainOn403StrategyTests
{
    [Fact]
    public async Task HandlesA403WhoseBodyIsInvalidClient()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("""{"error":"invalid_client"}""") };

        Assert.True(await RegisterAgainOn403Strategy.Instance.HandlesAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task HandlesA403WhoseWwwAuthenticateNamesInvalidClient()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(string.Empty) };
        response.Headers.WwwAuthenticate.ParseAdd("Bearer error=\"invalid_client\"");

        Assert.True(await RegisterAgainOn403Strategy.Instance.HandlesAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task LeavesAnyOther403UnhandledWithItsBodyStillReadable()
    {
        const string body = """{"error":"access_denied"}""";
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) };

        Assert.False(await RegisterAgainOn403Strategy.Instance.HandlesAsync(response, CancellationToken.None));
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LeavesA401ToTheRenewalStrategyEvenWithInvalidClientInIt()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"error":"invalid_client"}""") };

        Assert.False(await RegisterAgainOn403Strategy.Instance.HandlesAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task ReplacesTheRejectedTokenByRegisteringAgain()
    {
        var tokens = new RecordingTokenManager();
        var rejected = tokens.Current;

        var replacement = await RegisterAgainOn403Strategy.Instance.ReplaceAsync(tokens, rejected, CancellationToken.None);

        Assert.Equal(["register-again"], tokens.Calls);
        Assert.Same(rejected, Assert.Single(tokens.Rejected));
        Assert.Same(tokens.Current, replacement);
    }

    [Fact]
    public void ASecondInvalidClientIsAnAuthenticationFailureThatNamesTheOperation()
    {
        using var scan = new SecretScan();
        using var logs = new CapturingLoggerProvider(scan);

        var ex = RegisterAgainOn403Strategy.Instance.RefusedAgain(logs.CreateLogger("test"), "getTenant");

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("getTenant", ex.OperationId);
        Assert.Contains("even after registering again", ex.Message, StringComparison.Ordinal);
    }
}
