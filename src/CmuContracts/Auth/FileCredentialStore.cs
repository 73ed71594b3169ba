using System.Collections.Concurrent;
using System.Text.Json;

namespace CmuContracts.Auth;

/// <summary>
/// Credentials, and the current token beside them, in a JSON file, one entry per key:
/// <c>{"version":1,"credentials":{"&lt;key&gt;":{...}},"tokens":{"&lt;key&gt;":{...}}}</c>.
/// </summary>
/// <remarks>
/// Writes replace the file atomically (a temp file in the same directory, then a rename), created
/// with mode 0600 on Unix. Entries of other keys are kept; tokens that expired, or whose client's
/// credentials were replaced, are dropped. A file that is not valid JSON throws a
/// <see cref="CredentialStoreException"/>, or, with <c>replaceCorrupt</c>, is moved aside (never
/// deleted) and treated as empty. When the file cannot be written (a read-only directory, say),
/// <see cref="SetAsync"/> keeps the credentials in memory for this process, leaves the existing
/// file untouched and throws <see cref="CredentialStoreException"/> naming the path. A corrupt file that
/// cannot be moved aside is left as it is, and no copy of it is left behind. Processes on one machine
/// share one registration and one token, also when they start together: through <c>AddCmuClient</c>, each
/// acquisition holds an operating-system lock on the <c>.lock</c> file beside this one. Instances on several
/// machines share them through <c>UseRedis</c>.
/// </remarks>
public sealed class FileCredentialStore : ICredentialStore, ISharedTokenCache, IFileBackedCredentialStore, IDisposable
{
    private readonly string _path;
    private readonly bool _replaceCorrupt;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<CredentialKey, ClientCredentials> _unsaved = new();

    /// <summary>A store in the JSON file at <paramref name="path"/>; with <paramref name="replaceCorrupt"/>, a corrupt file is moved aside (never deleted) and registration starts afresh.</summary>
    public FileCredentialStore(string path, bool replaceCorrupt = false, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _replaceCorrupt = replaceCorrupt;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The file's full path.</summary>
    public string FilePath => _path;

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>The lock file beside the credential file (<c>credentials.json.lock</c>), held by one process's acquisition at a time.</summary>
    IAccessLock IFileBackedCredentialStore.CreateAccessLock(TimeSpan wait, Microsoft.Extensions.Logging.ILogger logger) =>
        new FileAccessLock(_path + ".lock", wait, logger);

    /// <inheritdoc/>
    public async ValueTask<ClientCredentials?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default)
    {
        if (_unsaved.TryGetValue(key, out var pending))
        {
            return pending;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await ReadAsync(cancellationToken).ConfigureAwait(false);
            return content.Credentials.TryGetValue(key.ToString(), out var credentials) ? credentials : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Never lose credentials that were just issued: whatever fails, this process keeps using them.
            try
            {
                var content = await ReadAsync(cancellationToken).ConfigureAwait(false);
                content.Credentials[key.ToString()] = credentials;
                await WriteAsync(content, cancellationToken).ConfigureAwait(false);
                _unsaved.TryRemove(key, out _);
            }
            catch (CredentialStoreException)
            {
                _unsaved[key] = credentials;
                throw;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _unsaved[key] = credentials;
                throw new CredentialStoreException(
                    $"The credential file '{_path}' cannot be written ({ex.GetType().Name}: {ex.Message}). The credentials are kept in memory for this process only; make the directory writable so they persist.",
                    ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The token kept for the key, if any (the caller decides whether it is still good).</summary>
    async ValueTask<AccessToken?> ISharedTokenCache.GetAsync(CredentialKey key, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await ReadAsync(cancellationToken).ConfigureAwait(false);
            return content.Tokens.TryGetValue(key.ToString(), out var token) ? token : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Keeps the token beside its credentials; throws <see cref="CredentialStoreException"/> when the file cannot be written.</summary>
    async ValueTask ISharedTokenCache.SetAsync(CredentialKey key, AccessToken token, DateTimeOffset renewAt, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await ReadAsync(cancellationToken).ConfigureAwait(false);
            content.Tokens[key.ToString()] = token;
            await WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CredentialStoreException(
                $"The credential file '{_path}' cannot be written ({ex.GetType().Name}: {ex.Message}). The access token is kept in memory for this process only.",
                ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CredentialFileContent> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CredentialStoreException($"The credential file '{_path}' cannot be read ({ex.GetType().Name}: {ex.Message}).", ex);
        }

        try
        {
            return CredentialFileContent.Parse(bytes);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            if (!_replaceCorrupt)
            {
                // The message describes the damage, never the content (it may hold a secret).
                throw new CredentialStoreException(
                    $"The credential file '{_path}' is corrupt ({Describe(ex)}). Repair or remove it, or set CmuClientOptions.ReplaceCorruptCredentialStore to move it aside and register again.");
            }

            var aside = AsideName();
            try
            {
                File.Move(_path, aside, overwrite: false);
            }
            catch (Exception move) when (move is IOException or UnauthorizedAccessException)
            {
                // Registering afresh would overwrite the damaged file: it may be the only copy, so stop. File.Move copies
                // then deletes when a rename is refused (an immutable file, say): that copy holds the secret too, so it goes.
                var leftover = RemoveStrayCopy(aside);
                throw new CredentialStoreException(
                    $"The credential file '{_path}' is corrupt ({Describe(ex)}) and cannot be moved aside to '{aside}' ({move.GetType().Name}: {move.Message}); it is left as it is"
                    + (leftover is null ? ", and no copy of it was left." : $", but a partial or full copy was left at '{aside}' and cannot be removed ({leftover}): delete it, it may hold a secret."),
                    move);
            }

            return new();
        }
    }

    /// <summary>A name beside the file that nothing has yet, so a failed move can tell its own stray copy from another file.</summary>
    private string AsideName()
    {
        var stem = _path + ".corrupt-" + _timeProvider.GetUtcNow().ToString("yyyyMMddTHHmmssfffZ", System.Globalization.CultureInfo.InvariantCulture);
        var aside = stem;
        for (var n = 2; File.Exists(aside); n++)
        {
            aside = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return aside;
    }

    /// <summary>Deletes what a failed move left at <paramref name="aside"/>; null when nothing is left, else why it stays.</summary>
    private static string? RemoveStrayCopy(string aside)
    {
        try
        {
            if (File.Exists(aside))
            {
                File.Delete(aside);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private static string Describe(Exception ex) => ex is JsonException json
        ? $"not valid JSON at line {(json.LineNumber ?? 0) + 1}, byte {(json.BytePositionInLine ?? 0) + 1}"
        : ex.Message;

    private async Task WriteAsync(CredentialFileContent content, CancellationToken cancellationToken)
    {
        content.DropStaleTokens(_timeProvider.GetUtcNow());
        var directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, Path.GetFileName(_path) + ".tmp-" + Guid.NewGuid().ToString("N"));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var stream = new FileStream(temp, options))
            {
                await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                content.WriteTo(writer);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temp file holds nothing the real file lacks.
        }
    }
}
