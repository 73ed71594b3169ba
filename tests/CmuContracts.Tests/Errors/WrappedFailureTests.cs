using System.Threading.RateLimiting;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace CmuContracts.Tests.Errors;

/// <summary>
/// Each way a call can fail reaches the caller of the clients <c>AddCmuClient</c> registers as a
/// <see cref="CmuException"/> that carries the status (when there was an answer), the operation, a remedy and the
/// original failure inside, over real loopback HTTP; none of them carries a secret.
/// </summary>
public sealed class WrappedFailureTests
{
    private const string Operation = "getTenantYearMonthDay";

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Fact]
    public async Task ANonSuccessAnswerIsACmuServiceExceptionWithRefitsExceptionInside()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("500", _ => true);
        await using var host = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 0, b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<CmuServiceException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(Operation, ex.OperationId);
        Assert.Null(ex.ErrorCode);
        Assert.StartsWith($"{Operation} (GET /cmu/v2/tenant/year/month/day) failed: HTTP 500 Internal Server Error: Emulated fault 500.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("try again later", ex.Remedy, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, Assert.IsType<Refit.ApiException>(ex.InnerException).StatusCode);
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task AThrottlePageIsNotQuotedAndSaysToWait()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("429", _ => true);
        await using var host = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 0, b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<CmuServiceException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal(429, ex.StatusCode);
        Assert.DoesNotContain("<", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wait", ex.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainTextAnswerToATokenRequestIsNeverQuoted()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("500", _ => true);
        await using var host = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 0, b => b.TokenHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<CmuContracts.Auth.AccessTokenRequestException>(() => DayReport.GetAsync(host.Reports));

        var cause = Assert.IsType<CmuServiceException>(ex.InnerException);
        Assert.Equal((500, "createAccessToken"), (cause.StatusCode, cause.OperationId));
        Assert.Equal("createAccessToken (POST /o/client/token) failed: HTTP 500 Internal Server Error.", cause.Message);
        Assert.DoesNotContain("Emulated fault", ex.ToString(), StringComparison.Ordinal);
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task ADroppedConnectionIsACmuTransportExceptionWithoutAStatus()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("drop", _ => true);
        await using var host = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 0, b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<CmuTransportException>(() => DayReport.GetAsync(host.Reports));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Null(ex.StatusCode);
        Assert.Equal(Operation, ex.OperationId);
        Assert.StartsWith($"{Operation} (GET /cmu/v2/tenant/year/month/day) got no answer: ", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Remedy);
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task ARefusedConnectionIsACmuTransportException()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var refuse = new RefuseOnSendHandler(_ => true);
        await using var host = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 0, b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => refuse));

        var ex = await Assert.ThrowsAsync<CmuTransportException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(ex.InnerException).HttpRequestError);
        Assert.Equal(Operation, ex.OperationId);
    }

    [Fact]
    public async Task AnAttemptTimeoutIsACmuTimeoutExceptionThatNamesTheTimeout()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("delay=30000", _ => true);
        var attempt = TimeSpan.FromSeconds(2); // long enough for the registration and token requests (no fault)
        await using var host = CmuTestHost.Create(
            emulator,
            o => (o.Resilience.MaxRetryAttempts, o.Resilience.AttemptTimeout) = (0, attempt),
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));
        await host.Tokens.GetAccessTokenAsync();

        var ex = await Assert.ThrowsAsync<CmuTimeoutException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal(attempt, ex.Timeout);
        Assert.Equal(attempt, Assert.IsType<TimeoutRejectedException>(ex.InnerException).Timeout);
        Assert.Equal(Operation, ex.OperationId);
        Assert.Contains("got no answer within 2 s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", ex.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpenCircuitBreakerIsACmuTransportExceptionAndNothingIsSent()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var control = new CircuitBreakerManualControl();
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddResilienceHandler(
            "test-breaker", p => p.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { ManualControl = control })));
        await host.Tokens.GetAccessTokenAsync();
        await control.IsolateAsync();

        var ex = await Assert.ThrowsAsync<CmuTransportException>(() => DayReport.GetAsync(host.Reports));

        Assert.IsAssignableFrom<BrokenCircuitException>(ex.InnerException);
        Assert.Equal(Operation, ex.OperationId);
        Assert.Contains("circuit breaker", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Stats.CountOf(DayReport.Endpoint));
    }

    [Fact]
    public async Task ARateLimiterRejectionIsACmuTransportException()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        using var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddResilienceHandler("test-limiter", p => p.AddRateLimiter(limiter)));
        await DayReport.GetAsync(host.Reports);

        var ex = await Assert.ThrowsAsync<CmuTransportException>(() => DayReport.GetAsync(host.Reports));

        Assert.IsType<RateLimiterRejectedException>(ex.InnerException);
        Assert.Contains("rate limiter", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Stats.CountOf(DayReport.Endpoint));
    }

    [Fact]
    public async Task ACancellationTheCallerAskedForStaysACancellation()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("delay=30000", _ => true);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));
        await host.Tokens.GetAccessTokenAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Record.ExceptionAsync(() => DayReport.GetAsync(host.Reports, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }
}
