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
