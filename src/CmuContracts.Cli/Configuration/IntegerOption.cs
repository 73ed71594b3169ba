using System.CommandLine;
using System.Globalization;

namespace CmuContracts.Cli.Configuration;

/// <summary>Integer options whose bad values are parse errors naming the option (never an exception).</summary>
internal static class IntegerOption
{
    public static Option<int?> Create(string name, string description, int minimum, int maximum, int? defaultValue = null)
    {
        var option = new Option<int?>(name) { Description = description };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        option.CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= minimum && parsed <= maximum)
            {
                return parsed;
            }

            result.AddError($"Option '{name}' must be an integer from {minimum} to {maximum}, not '{token}'.");
            return null;
        };
        return option;
    }
}
