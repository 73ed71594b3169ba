using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// One instance of a fleet as its own OS process: the built CmuContracts.FleetWorker.dll (copied beside the
/// tests) run with <c>dotnet</c>. It sets up <c>AddCmuClient(...).UseRedis(...)</c> (or, without a Redis configuration,
/// <c>AddCmuClient</c>'s default credential file in <c>configDirectory</c>), says "ready", waits for <see cref="Go"/>,
/// makes its report calls and exits.
/// </summary>
public sealed class FleetWorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private FleetWorkerProcess(Process process) => _process = process;

    /// <summary>Everything the worker printed on standard output after "ready".</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>Everything the worker printed on standard error.</summary>
    public string Errors => string.Join(Environment.NewLine, _errors);

    public static FleetWorkerProcess Start(Uri registrationBaseAddress, Uri cmuBaseAddress, string statementFile, string? redisConfiguration, int calls, string? configDirectory = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CmuContracts.FleetWorker.dll"));
        start.ArgumentList.Add(registrationBaseAddress.ToString());
        start.ArgumentList.Add(cmuBaseAddress.ToString());
        start.ArgumentList.Add(statementFile);
        start.ArgumentList.Add(redisConfiguration ?? "-");
        start.ArgumentList.Add(calls.ToString(CultureInfo.InvariantCulture));
        if (configDirectory is not null)
        {
            start.Environment[CmuContracts.Auth.CmuUserFolder.ConfigDirectoryVariable] = configDirectory;
        }

        var worker = new FleetWorkerProcess(new Process { StartInfo = start });
        worker._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                worker._ready.TrySetResult();
            }
            else if (e.Data is not null)
            {
                worker._output.Enqueue(e.Data);
            }
        };
        worker._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && worker._errors.Count < 100)
            {
                worker._errors.Enqueue(e.Data);
            }
        };
        worker._process.Start();
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits for "ready"; fails with the worker's standard error if it exits or stalls first.</summary>
    public async Task WaitReadyAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(ReadyTimeout));
        if (first != _ready.Task)
        {
            throw new InvalidOperationException($"The fleet worker {(first == exited ? $"exited with {_process.ExitCode}" : "was not ready in time")}: {Errors}");
        }
    }

    /// <summary>Lets the worker make its calls.</summary>
    public void Go()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
    }

    /// <summary>The worker's exit code, once it ends within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The fleet worker did not finish within {timeout}: {Errors}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
