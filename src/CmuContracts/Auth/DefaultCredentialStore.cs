using CmuContracts.Http;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Auth;

/// <summary>The store <c>AddCmuClient</c> uses unless told otherwise, chosen from the options.</summary>
internal static class DefaultCredentialStore
{
    public static ICredentialStore Create(CmuClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        if (options.CredentialStorage == CredentialStorage.Memory)
        {
            return new InMemoryCredentialStore();
        }

        // A file the user named: its failures are errors of that file (FileCredentialStore's own rules).
        if (options.CredentialStorePath is { Length: > 0 } path)
        {
            return new FileCredentialStore(path, options.ReplaceCorruptCredentialStore, timeProvider);
        }

        if (CmuUserFolder.Resolve() is not { } folder)
        {
            Log.NoUserFolder(logger);
            return new InMemoryCredentialStore();
        }

        var file = new FileCredentialStore(Path.Combine(folder, CmuUserFolder.CredentialsFileName), options.ReplaceCorruptCredentialStore, timeProvider);
        return new UserFolderCredentialStore(file, logger);
    }
}
