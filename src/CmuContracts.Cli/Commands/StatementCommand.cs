using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CmuContracts.Auth;
using Microsoft.IdentityModel.Tokens;
using Spectre.Console;

namespace CmuContracts.Cli.Commands;

/// <summary>
/// <c>cmu statement inspect FILE</c>: the statement's header and claims (never its signature) and whether the
/// library would use it. Exit 0 when usable, 3 when not.
/// </summary>
internal static class StatementCommand
{
    private static readonly string[] TimeClaims = ["iat", "nbf", "exp"];

    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The software statement file (as downloaded from the TVE Dashboard)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var inspect = new Command("inspect", "Decode a software statement's claims and tell whether it is usable.") { file, format };
        inspect.SetAction((parse, ct) => runner.RunAsync(parse, async (_, _, token) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                throw new CliUsageException($"The software statement file '{path}' does not exist.");
            }

            var text = (await File.ReadAllTextAsync(path, token).ConfigureAwait(false)).Trim();
            var parts = text.Split('.');
            var header = parts.Length == 3 ? Decode(parts[0]) : null;
            var claims = parts.Length == 3 ? Decode(parts[1]) : null;
            string verdict;
            var usable = false;
            try
            {
                var statement = SoftwareStatement.FromFile(path);
                usable = true;
                verdict = $"usable: software id {statement.SoftwareId}, issuer {statement.Issuer}"
                    + (statement.Issuer == "auth.adobe.com" ? string.Empty : " (not Adobe's issuer auth.adobe.com: only an emulator accepts it)")
                    + "; the signature is checked by the registration endpoint, not here";
            }
            catch (SoftwareStatementException ex)
            {
                verdict = $"not usable ({ex.Problem}): {ex.Message}";
            }

            if (parse.GetValue(format) == "json")
            {
                await WriteJsonAsync(runner.Console.Output, path, header, claims, usable, verdict).ConfigureAwait(false);
            }
            else
            {
                WriteText(runner.Console.Output, path, header, claims, verdict);
            }

            return usable ? ExitCodes.Ok : ExitCodes.Auth;
        }, ct));

        return new Command("statement", "Software statements.") { inspect };
    }

    private static JsonElement? Decode(string segment)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(segment));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or JsonException)
        {
            return null;
        }
    }

    private static void WriteText(TextWriter output, string path, JsonElement? header, JsonElement? claims, string verdict)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var table = new Table().Title(Markup.Escape(Path.GetFileName(path))).AddColumn("part").AddColumn("claim").AddColumn("value");
        AddRows(table, "header", header);
        AddRows(table, "payload", claims);
        console.Write(table);
        console.WriteLine("Verdict: " + verdict);
    }

    private static void AddRows(Table table, string part, JsonElement? element)
    {
        if (element is not { } obj)
        {
            table.AddRow(part, "-", "(not decodable)");
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            table.AddRow(Markup.Escape(part), Markup.Escape(property.Name), Markup.Escape(Show(property)));
        }
    }

    private static string Show(JsonProperty property)
    {
        if (Array.IndexOf(TimeClaims, property.Name) >= 0 && property.Value.TryGetInt64(out var seconds))
        {
            return $"{seconds} ({DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)})";
        }

        return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
    }

    private static async Task WriteJsonAsync(TextWriter output, string path, JsonElement? header, JsonElement? claims, bool usable, string verdict)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", path);
            writer.WritePropertyName("header");
            WriteOrNull(writer, header);
            writer.WritePropertyName("claims");
            WriteOrNull(writer, claims);
            writer.WriteBoolean("usable", usable);
            writer.WriteString("verdict", verdict);
            writer.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
    }

    private static void WriteOrNull(Utf8JsonWriter writer, JsonElement? element)
    {
        if (element is { } value)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
