using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// One acquisition is shared by every caller that needs a token meanwhile. When its registration or token POST gets no
/// answer, that POST is never sent again (the server may have processed it): the caller whose acquisition it was gets
/// the error, and the callers that only waited on it try once more with an acquisition of their own.
/// </summary>
public sealed class LostAcquisitionTests
{
    private const int Waiters = 3;

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Theory]
    [InlineData("register")]
    [InlineData("token")]
    public async Task CallersThatWaitedOnALostPOSTTryOnceMoreWithAFreshAcquisition(string endpoint)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var drop = new FaultOnSendHandler("drop", send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => StatusFaultTests.Client(b, endpoint).AddHttpMessageHandler(() => drop));

        // Called one after another without awaiting: the first starts the acquisition, the others join it.
        var starter = host.Tokens.GetAccessTokenAsync().AsTask();
        var waiters = Enumerable.Range(0, Waiters).Select(_ => host.Tokens.GetAccessTokenAsync().AsTask()).ToList();

        var ex = await Record.ExceptionAsync(() => starter);
        var tokens = await Task.WhenAll(waiters);

        Assert.IsType(endpoint == "register" ? typeof(ClientRegistrationException) : typeof(AccessTokenRequestException), ex);
        Assert.IsType<HttpRequestException>(Assert.IsType<CmuTransportException>(ex!.InnerException).InnerException);
        Assert.Single(tokens.Select(t => t.Value).Distinct());
        Assert.Equal(2, drop.Sends); // the lost POST once, then one fresh acquisition shared by every waiter
        Assert.Equal(1, emulator.Stats.CountOf($"POST /o/client/{endpoint}", 0));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        Assert.Equal(Waiters, host.Logs.Lines.Count(l => l.Contains("trying once more with a fresh acquisition", StringComparison.Ordinal)));
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task WaitersTryOnlyOnceSoASecondLostPOSTFailsThemToo()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var drop = new FaultOnSendHandler("drop", _ => true);
        await using var host = CmuTestHost.Create(emulator, build: b => b.RegistrationHttpClient.AddHttpMessageHandler(() => drop));

        var starter = host.Tokens.GetAccessTokenAsync().AsTask();
        var waiters = Enumerable.Range(0, Waiters).Select(_ => host.Tokens.GetAccessTokenAsync().AsTask()).ToList();

        await Assert.ThrowsAsync<ClientRegistrationException>(() => starter);
        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAsync<ClientRegistrationException>(() => waiter);
        }

        Assert.Equal(2, drop.Sends);
        Assert.Equal(0, emulator.Stats.Registrations);
    }
}
