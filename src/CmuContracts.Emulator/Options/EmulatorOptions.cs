using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Options;

/// <summary>Everything the emulator can be configured with (configuration section <c>Emulator</c> when standalone).</summary>
public sealed class EmulatorOptions
{
    /// <summary>Id of the default application, which has CMU access.</summary>
    public const string DemoApplicationId = "5f0c2a3e-7a51-4c1e-9a6e-0d3b2c1a9e01";

    /// <summary>Id of the second default application, which has no CMU access.</summary>
    public const string NoCmuApplicationId = "9b7d4e12-3c6f-4f0a-8e2d-6a1b5c4d3e02";

    /// <summary>Seed of the synthetic usage data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>A fixed "now" (UTC). When null, <see cref="TimeProvider"/> is used.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>The clock when <see cref="Now"/> is null; defaults to the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Access token lifetime in seconds (documented samples: 21600).</summary>
    public int TokenLifetimeSeconds { get; set; } = 21600;

    /// <summary>Throttling of <c>/o/client/*</c>.</summary>
    public ThrottleOptions Throttle { get; set; } = new();

    /// <summary>Proxies whose <c>X-Forwarded-For</c> is believed; none by default.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>Size limits on incoming requests.</summary>
    public RequestLimits RequestLimits { get; set; } = new();

    /// <summary>Largest CMU answer written.</summary>
    public ReportLimits ReportLimits { get; set; } = new();

    /// <summary>Configured random faults.</summary>
    public FaultRates Faults { get; set; } = new();

    /// <summary>Registered applications. When empty, <see cref="DefaultApplications"/> is used.</summary>
    public IList<EmulatorApplication> Applications { get; set; } = [];

    /// <summary>Ids (or names) of applications whose software statements are revoked from the start.</summary>
    public IList<string> RevokedApplications { get; set; } = [];

    /// <summary>PEM file holding the RSA private key that signs statements and tokens; generated when null.</summary>
    public string? RsaKeyPath { get; set; }

    /// <summary>
    /// An OpenAPI file (YAML or JSON) to serve instead of the spec embedded in the emulator: its <c>UsageReports</c>
    /// paths are the drill-down tree, its <c>ReportMetric</c> and <c>ReportDimension</c> enums the metric and dimension
    /// names (standalone: <c>--spec &lt;file&gt;</c> or <c>--Emulator:SpecPath=&lt;file&gt;</c>). Null serves the embedded spec.
    /// </summary>
    public string? SpecPath { get; set; }

    /// <summary>Months of data kept before "now" (documented retention: 25 months).</summary>
    public int RetentionMonths { get; set; } = 25;

    /// <summary>Hook to add logging providers (used by tests to capture logs).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>The default applications: <c>demo</c> (CMU access) and <c>no-cmu</c> (no CMU access).</summary>
    public static IReadOnlyList<EmulatorApplication> DefaultApplications() =>
    [
        new EmulatorApplication
        {
            Id = DemoApplicationId,
            Name = "demo",
            CmuAccess = true,
            RedirectUris = ["https://demo.example.com/callback", "com.example.demo"],
            Scopes = ["api:client:v2", "cmu:reports"],
        },
        new EmulatorApplication
        {
            Id = NoCmuApplicationId,
            Name = "no-cmu",
            CmuAccess = false,
            RedirectUris = ["https://nocmu.example.com/callback"],
            Scopes = ["api:client:v2"],
        },
    ];

    internal IReadOnlyList<EmulatorApplication> EffectiveApplications =>
        Applications.Count > 0 ? [.. Applications] : DefaultApplications();

    internal TimeProvider Clock => Now is { } fixedNow ? new FixedTimeProvider(fixedNow) : TimeProvider ?? TimeProvider.System;
}
