namespace CmuContracts.Emulator.Options;

/// <summary>Checks <see cref="EmulatorOptions"/> before the emulator starts.</summary>
public static class EmulatorOptionsValidator
{
    /// <summary>Returns every problem found; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Validate(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.TokenLifetimeSeconds <= 0)
        {
            errors.Add("TokenLifetimeSeconds must be positive.");
        }

        if (options.RetentionMonths is < 1 or > 120)
        {
            errors.Add("RetentionMonths must be between 1 and 120.");
        }

        if (options.Throttle.RequestsPerSecond <= 0 || options.Throttle.Burst < 1)
        {
            errors.Add("Throttle.RequestsPerSecond must be positive and Throttle.Burst at least 1.");
        }

        var limits = options.RequestLimits;
        if (limits.MaxBodyBytes < 1024 || limits.MaxFormKeys < 3 || limits.MaxFormKeyLength < 16 || limits.MaxFormValueLength < 64)
        {
            errors.Add("RequestLimits need MaxBodyBytes >= 1024, MaxFormKeys >= 3, MaxFormKeyLength >= 16 and MaxFormValueLength >= 64.");
        }

        if (limits.MaxRequestLineBytes < 1024 || limits.MaxRequestHeadersBytes < 1024)
        {
            errors.Add("RequestLimits.MaxRequestLineBytes and MaxRequestHeadersBytes must be at least 1024.");
        }

        if (options.ReportLimits.MaxRows < 1 || options.ReportLimits.MaxCells < 1)
        {
            errors.Add("ReportLimits.MaxRows and MaxCells must be positive.");
        }

        foreach (var proxy in options.ForwardedHeaders.KnownProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                errors.Add($"ForwardedHeaders.KnownProxies: '{proxy}' is not an IP address.");
            }
        }

        foreach (var network in options.ForwardedHeaders.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                errors.Add($"ForwardedHeaders.KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8.");
            }
        }

        var f = options.Faults;
        foreach (var rate in new[] { f.InternalServerError, f.ServiceUnavailable, f.TooManyRequests, f.Drop })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                errors.Add("Fault rates must be between 0 and 1.");
                break;
            }
        }

        if (f.InternalServerError + f.ServiceUnavailable + f.TooManyRequests + f.Drop > 1)
        {
            errors.Add("Fault rates must add up to at most 1.");
        }

        var apps = options.EffectiveApplications;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            if (string.IsNullOrWhiteSpace(app.Id) || string.IsNullOrWhiteSpace(app.Name))
            {
                errors.Add("Every application needs an Id and a Name.");
            }
            else if (!ids.Add(app.Id) || !names.Add(app.Name))
            {
                errors.Add($"Application '{app.Name}' ({app.Id}) is declared twice.");
            }
        }

        if (options.RsaKeyPath is { } path && !File.Exists(path))
        {
            errors.Add($"RsaKeyPath '{path}' does not exist.");
        }

        if (options.SpecPath is { } spec && !File.Exists(spec))
        {
            errors.Add($"SpecPath '{spec}' does not exist: name an OpenAPI file, or leave SpecPath unset to serve the embedded spec.");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when the options are not usable.</summary>
    public static void ThrowIfInvalid(EmulatorOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid emulator options: " + string.Join(" ", errors), nameof(options));
        }
    }
}
