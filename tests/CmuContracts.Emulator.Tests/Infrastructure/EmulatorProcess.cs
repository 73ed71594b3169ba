using System.Diagnostics;
using System.Globalization;

namespace CmuContracts.Emulator.Tests.Infrastructure;

/// <summary>
/// The built emulator (CmuContracts.Emulator.dll, copied next to the tests) running as a child process on a free
/// 127.0.0.1 port, so that its own memory can be read from <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the emulator with <c>--urls http://127.0.0.1:0</c> and the given extra arguments.</summary>
    public static async Task<EmulatorProcess> StartAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CmuContracts.Emulator.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // Both streams are drained for the process's whole life, or its log writes would block it.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Listening on ", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(new Uri(e.Data["Listening on ".Length..].Trim().TrimEnd('/') + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && errors.Count < 50)
            {
                errors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first != listening.Task)
        {
            var why = first == exited ? $"exited with {process.ExitCode}" : "did not start in time";
            Stop(process);
            process.Dispose();
            throw new InvalidOperationException($"The emulator process {why}: {string.Join(Environment.NewLine, errors)}");
        }

        return new EmulatorProcess(process, await listening.Task);
    }

    /// <summary>Resident set size of the emulator process in KiB, from <c>VmRSS</c> in <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public long ResidentKilobytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }
}
