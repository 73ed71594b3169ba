using System.CommandLine;

namespace CmuContracts.Cli.Configuration;

/// <summary>Options every command accepts (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<FileInfo?> Settings { get; } = new("--settings")
    {
        Description = "Settings file (JSON, keys as in CmuClientOptions). Default: CMU_SETTINGS, else settings.json in the user's cmu config folder when present.",
        Recursive = true,
    };

    public Option<string?> Environment { get; } = new("--environment")
    {
        Description = "Adobe Pass environment: Production, Staging, PreQualification or PreQualificationStaging. Commands that call a service need this (or the URLs below, or a settings file) unless --emulator.",
        Recursive = true,
    };

    public Option<string?> RegistrationUrl { get; } = new("--registration-url")
    {
        Description = "DCR base address (the /o/ root of client/register and client/token); overrides --environment.",
        Recursive = true,
    };

    public Option<string?> CmuUrl { get; } = new("--cmu-url")
    {
        Description = "CMU base address (the /cmu/v2/ root); overrides --environment.",
        Recursive = true,
    };

    public Option<FileInfo?> Statement { get; } = new("--statement")
    {
        Description = "Software statement file downloaded from the TVE Dashboard.",
        Recursive = true,
    };

    public Option<FileInfo?> Credentials { get; } = new("--credentials")
    {
        Description = "Credential file (client id and secret). Default: credentials.json in the user's cmu config folder.",
        Recursive = true,
    };

    public Option<string?> RedirectUri { get; } = new("--redirect-uri")
    {
        Description = "redirect_uri sent on registration: one of the application's domains in the TVE Dashboard (any absolute URI, e.g. com.example.app:/callback). Adobe's API description marks it required, its documentation optional; default: none.",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against the embedded emulator (127.0.0.1, demo software statement, synthetic data); also CMU_EMULATOR=1. Never chosen for you.",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Only results and errors: no notices, no progress.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also log what the client does (never secrets) to standard error.",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Settings, Environment, RegistrationUrl, CmuUrl, Statement, Credentials, RedirectUri, Emulator, Quiet, Verbose];
}
