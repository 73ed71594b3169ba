using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CmuContracts.Http;

/// <summary>The <c>CmuContracts</c> ActivitySource and Meter. Tags carry outcomes and ids, never secrets.</summary>
public static class CmuDiagnostics
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string Name = "CmuContracts";

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Registrations =
        Meter.CreateCounter<long>("cmu.registrations", "{registration}", "Software statement registrations attempted.");

    internal static readonly Counter<long> TokenRequests =
        Meter.CreateCounter<long>("cmu.token_requests", "{request}", "Access token requests sent.");

    internal static readonly Counter<long> TokenRenewalFailures =
        Meter.CreateCounter<long>("cmu.token_renewal_failures", "{failure}", "Token renewals that failed while the cached token was still valid, so it kept serving.");

    internal static readonly Histogram<double> RequestDuration =
        Meter.CreateHistogram<double>("cmu.request.duration", "s", "Duration of Adobe Pass HTTP calls as the caller sees them: retries included and, for CMU calls, getting the token.");
}
