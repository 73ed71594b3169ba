using CmuContracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="CmuClientOptions"/> with the configuration binding source generator (no reflection, trim and AOT
/// safe). A value it cannot convert fails the start as an <see cref="OptionsValidationException"/> naming the
/// setting, as a value the validators reject does.
/// </summary>
internal static class CmuClientOptionsBinder
{
    public static void Bind(IConfiguration section, CmuClientOptions options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(Options.Options.DefaultName, typeof(CmuClientOptions), [Describe(section, ex)]);
        }
    }

    /// <summary>
    /// The setting and value the binder could not convert, found among the section's values (the binder names the
    /// full path and the value), and the converter's reason.
    /// </summary>
    private static string Describe(IConfiguration section, InvalidOperationException failure)
    {
        var root = section is IConfigurationSection { Path.Length: > 0 } s ? s.Path + ConfigurationPath.KeyDelimiter : string.Empty;
        foreach (var (path, value) in section.AsEnumerable())
        {
            // Keys are case-insensitive: the binder writes the property's spelling, which the message keeps.
            var at = value is null || !path.StartsWith(root, StringComparison.OrdinalIgnoreCase)
                ? -1
                : failure.Message.IndexOf($"'{value}' at '{path}'", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var spelled = failure.Message.Substring(at + value!.Length + 7 + root.Length, path.Length - root.Length);
                var setting = spelled.Replace(ConfigurationPath.KeyDelimiter, ".", StringComparison.Ordinal);
                return $"CmuClientOptions.{setting} '{value}' cannot be read: {failure.InnerException?.Message ?? failure.Message}";
            }
        }

        return failure.Message;
    }
}
