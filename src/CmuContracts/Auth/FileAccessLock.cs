using System.Diagnostics;
using CmuContracts.Http;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Auth;

/// <summary>
/// An operating-system lock across the processes that share one credential file: the file's <c>.lock</c> sibling,
/// opened with <see cref="FileShare.None"/> (<c>flock</c> on Unix, a share mode on Windows) while one acquisition runs,
/// so processes starting cold together make one registration and one token request. The lock goes with the handle,
/// so a process that dies releases it. The lock file stays (empty, mode 0600): deleting it while another process
/// waits on it would let two hold "the" lock at once.
/// </summary>
/// <remarks>
/// The wait is bounded (<see cref="AccessLockTimeoutException"/> after it). When the lock file cannot be created at
/// all (a read-only folder), no other process can write the credentials there either: the acquisition goes ahead
/// with this process's own single flight, as it did before the file was shared.
/// </remarks>
internal sealed class FileAccessLock(string lockPath, TimeSpan wait, ILogger logger) : IAccessLock
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);

    // How .NET reports a lock held elsewhere: on Windows ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION in the HRESULT;
    // on Unix the errno of the refused flock, EWOULDBLOCK (11 on Linux, 35 on macOS and the BSDs).
    private const int SharingViolation = 32;
    private const int LockViolation = 33;
    private static readonly int WouldBlock = OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? 11 : 35;

    private int _unavailableLogged;

    /// <summary>The lock file's full path.</summary>
    public string LockPath { get; } = Path.GetFullPath(lockPath);

    /// <summary>The longest wait for another process's acquisition.</summary>
    public TimeSpan Wait { get; } = wait;

    public async ValueTask<IAsyncDisposable> AcquireAsync(string resource, CancellationToken cancellationToken)
    {
        // Another process's hold is real time, so the wait runs on the real clock, not an injected TimeProvider.
        var started = Stopwatch.GetTimestamp();
        var poll = FirstPoll;
        while (true)
        {
            try
            {
                return new Held(Open());
            }
            catch (IOException ex) when (HeldElsewhere(ex))
            {
                var waited = Stopwatch.GetElapsedTime(started);
                if (waited >= Wait)
                {
                    throw new AccessLockTimeoutException(
                        $"The credential file's lock '{LockPath}' was not acquired within {Wait} (twice CmuClientOptions.Resilience.TotalTimeout, a registration and a token request): another process has held it all that time. Nothing was sent; a later call tries again.")
                    {
                        Resource = resource,
                        Waited = waited,
                        Remedy = "Look for a process of this application stuck in its first call; the lock goes with it when it ends.",
                    };
                }

                var remaining = Wait - waited;
                await Task.Delay(poll < remaining ? poll : remaining, cancellationToken).ConfigureAwait(false);
                poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (Interlocked.Exchange(ref _unavailableLogged, 1) == 0)
                {
                    Log.FileLockUnavailable(logger, ex, LockPath);
                }

                return NotLocked.Instance;
            }
        }
    }

    private static bool HeldElsewhere(IOException ex) => OperatingSystem.IsWindows()
        ? (ex.HResult & 0xFFFF) is SharingViolation or LockViolation
        : ex.HResult == WouldBlock;

    private FileStream Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(LockPath, options);
    }

    private sealed class Held(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }

    private sealed class NotLocked : IAsyncDisposable
    {
        public static readonly NotLocked Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
