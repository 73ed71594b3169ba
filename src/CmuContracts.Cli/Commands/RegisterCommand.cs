using System.CommandLine;
using CmuContracts.AdobePass;
using CmuContracts.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Cli.Commands;

/// <summary>
/// <c>cmu register</c>: registers the software statement once and keeps the credentials in the credential file.
/// Adobe asks clients not to register on every run, so existing credentials are kept unless --force.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(CommandRunner runner)
    {
        var force = new Option<bool>("--force") { Description = "Register again even when credentials are stored (replaces them)." };
        var showSecret = new Option<bool>("--show-secret") { Description = "Also print the client secret." };
        var command = new Command("register", "Register the software statement (dynamic client registration) and store the client credentials.") { force, showSecret };
        command.SetAction((parse, ct) => runner.WithSessionAsync(parse, async (session, notices, token) =>
        {
            var options = session.Options;
            var text = options.SoftwareStatement is { Length: > 0 } inline
                ? inline
                : await ReadStatementAsync(options.SoftwareStatementPath!, token).ConfigureAwait(false);
            var statement = SoftwareStatement.Parse(text);
            var key = CredentialKey.For(statement.SoftwareId, options.EffectiveRegistrationBaseAddress);
            var store = session.Services.GetRequiredService<ICredentialStore>();
            var where = options.CredentialStorePath ?? "memory (this run only)";
            var output = runner.Console.Output;
            if (!parse.GetValue(force) && await store.GetAsync(key, token).ConfigureAwait(false) is { } existing)
            {
                await output.WriteLineAsync($"Already registered: client id {existing.ClientId} (software id {statement.SoftwareId}), credentials in {where}. Use --force to register again.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            ClientRegistration registration;
            try
            {
                var client = session.Services.GetRequiredService<IRegistrationClient>();
                var request = new ClientRegistrationRequest { SoftwareStatement = text.Trim(), RedirectUri = options.RedirectUri };
                registration = await client.RegisterClientAsync(request, options.DeviceInfo.ToHeaderValue(), token).ConfigureAwait(false);
            }
            catch (CmuServiceException ex) when (ex.StatusCode is >= 400 and < 500)
            {
                throw new ClientRegistrationException(
                    $"Registering software id {statement.SoftwareId} failed: HTTP {ex.StatusCode}{(ex.ErrorCode is null ? string.Empty : ", error '" + ex.ErrorCode + "'")}.",
                    ex.StatusCode.Value,
                    ex.ErrorCode);
            }

            var credentials = ClientCredentials.FromRegistration(registration);
            await store.SetAsync(key, credentials, token).ConfigureAwait(false);
            await output.WriteLineAsync($"Registered: client id {credentials.ClientId} (software id {statement.SoftwareId}), credentials saved to {where}.").ConfigureAwait(false);
            if (parse.GetValue(showSecret))
            {
                await output.WriteLineAsync("client_secret: " + credentials.ClientSecret).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task<string> ReadStatementAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SoftwareStatementException(SoftwareStatementProblem.Unreadable, $"The software statement file '{path}' cannot be read: {ex.Message}");
        }
    }
}
