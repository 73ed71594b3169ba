using System.Net.Http.Headers;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.NSwag.Tests.AdobePass;

namespace CmuContracts.NSwag.Tests.Infrastructure;

/// <summary>
/// An in-process emulator (fixed clock, no throttling) and NSwag clients over it: the demo
/// application registered and a bearer token obtained through NSwag's own Registration and Token clients.
/// </summary>
public sealed class NSwagEmulatorFixture : IAsyncLifetime, IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 12, 34, 56, TimeSpan.Zero);

    private AdobePassEmulator? _emulator;
    private HttpClient? _dcrHttp;
    private HttpClient? _cmuHttp;
    private AccessTokenResponse? _token;

    public AdobePassEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    /// <summary>NSwag's registration client, based at the emulator's <c>/o/</c>.</summary>
    public RegistrationClient Registration => new(_dcrHttp ?? throw new InvalidOperationException("Not started."));

    /// <summary>NSwag's token client, based at the emulator's <c>/o/</c>.</summary>
    public TokenClient Token => new(_dcrHttp ?? throw new InvalidOperationException("Not started."));

    /// <summary>The token the fixture obtained for the demo application.</summary>
    public AccessTokenResponse AccessToken => _token ?? throw new InvalidOperationException("Not started.");

    /// <summary>NSwag's reports client, based at the emulator's <c>/cmu/v2/</c>, sending the bearer token.</summary>
    public UsageReportsClient Reports => new(_cmuHttp ?? throw new InvalidOperationException("Not started."));

    /// <summary>A reports client with its own recorder, to see the URIs it sends.</summary>
    public (UsageReportsClient Client, RequestRecorder Recorder, HttpClient Http) RecordingReports()
    {
        var recorder = new RequestRecorder();
        var http = AuthorizedCmuHttp(recorder);
        return (new UsageReportsClient(http), recorder, http);
    }

    /// <summary>The same report read as plain JSON, to compare NSwag's models with what was on the wire.</summary>
    public async Task<JsonDocument> RawReportAsync(string pathAndQuery)
    {
        using var response = await _cmuHttp!.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public HttpClient AuthorizedCmuHttp(HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = Emulator.CmuBaseAddress;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken.Access_token);
        return http;
    }

    public async Task InitializeAsync()
    {
        _emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Now = Now, Throttle = { Enabled = false } });
        _dcrHttp = new HttpClient { BaseAddress = _emulator.RegistrationBaseAddress };
        var registration = await Registration.RegisterClientAsync(
            new ClientRegistrationRequest { Software_statement = _emulator.IssueSoftwareStatement() });
        _token = await Token.CreateAccessTokenAsync(new AccessTokenRequest
        {
            Grant_type = GrantType.Client_credentials,
            Client_id = registration.Client_id,
            Client_secret = registration.Client_secret,
        });
        _cmuHttp = AuthorizedCmuHttp();
    }

    public void Dispose()
    {
        _dcrHttp?.Dispose();
        _cmuHttp?.Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
