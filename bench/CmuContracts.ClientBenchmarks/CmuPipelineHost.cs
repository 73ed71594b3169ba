using CmuContracts.AdobePass;
using CmuContracts.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// <c>AddCmuClient</c> as an application registers it (bearer handler, resilience, duration handler, Refit), with
/// every client's primary handler replaced by the in-memory <see cref="CannedResponseHandler"/>; one report call in
/// <see cref="Create"/> registers, fetches the token and caches it, so measured calls see a warm token.
/// </summary>
internal sealed class CmuPipelineHost : IDisposable
{
    public static readonly Uri CmuBaseAddress = new("http://127.0.0.1/cmu/v2/");

    private CmuPipelineHost(ServiceProvider services, CannedResponseHandler handler)
    {
        Services = services;
        Handler = handler;
        Reports = services.GetRequiredService<IUsageReportsClient>();
        Tokens = services.GetRequiredService<CmuAccessTokenProvider>();
    }

    public ServiceProvider Services { get; }

    public CannedResponseHandler Handler { get; }

    /// <summary>The report client, resolved once: the benchmarks measure calls, not resolution.</summary>
    public IUsageReportsClient Reports { get; }

    public CmuAccessTokenProvider Tokens { get; }

    public static CmuPipelineHost Create()
    {
        var canned = CannedReport.Default;
        var handler = new CannedResponseHandler(canned.Body);
        var services = new ServiceCollection();
        var builder = services.AddCmuClient(o =>
        {
            o.RegistrationBaseAddress = new Uri("http://127.0.0.1/o/");
            o.CmuBaseAddress = CmuBaseAddress;
            o.SoftwareStatement = canned.SoftwareStatement;
        }).UseInMemoryCredentialStore(); // a benchmark keeps nothing in the user's cmu folder
        foreach (var client in new[] { builder.RegistrationHttpClient, builder.TokenHttpClient, builder.UsageReportsHttpClient })
        {
            client.ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        var host = new CmuPipelineHost(services.BuildServiceProvider(), handler);
        var rows = host.Reports.GetTenantYearMonthDayAsync(start: CannedReport.Start, end: CannedReport.End).GetAwaiter().GetResult().Report.Count;
        SetupCheck.Expect(rows == canned.Rows, $"the pipeline read {rows} of {canned.Rows} records");
        SetupCheck.Expect(handler.LastReport?.Headers.Authorization?.ToString() == "Bearer bench-access-token", "the pipeline sent no bearer token from the in-memory token endpoint");
        return host;
    }

    // The container holds IAsyncDisposable-only services (the in-process access lock).
    public void Dispose() => Services.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
