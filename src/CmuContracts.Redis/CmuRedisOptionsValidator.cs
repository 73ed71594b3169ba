using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CmuContracts;

/// <summary>Checks <see cref="CmuRedisOptions"/> at start; every message names the setting, never its secret value.</summary>
internal sealed class CmuRedisOptionsValidator : IValidateOptions<CmuRedisOptions>
{
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, CmuRedisOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            failures.Add("CmuRedisOptions.Configuration is required (a StackExchange.Redis configuration string such as '127.0.0.1:6379').");
        }
        else
        {
            try
            {
                if (ConfigurationOptions.Parse(options.Configuration).EndPoints.Count == 0)
                {
                    failures.Add("CmuRedisOptions.Configuration names no Redis endpoint (host:port).");
                }
            }
            catch (ArgumentException ex)
            {
                // Not the parser's message: it may quote the string, which may hold a password.
                failures.Add($"CmuRedisOptions.Configuration is not a valid StackExchange.Redis configuration string ({ex.GetType().Name}).");
            }
        }

        if (options.LockLease < Minimum)
        {
            failures.Add($"CmuRedisOptions.LockLease {options.LockLease} is under 1 s.");
        }

        if (options.LockWait < Minimum)
        {
            failures.Add($"CmuRedisOptions.LockWait {options.LockWait} is under 1 s.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
