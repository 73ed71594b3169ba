using System.Diagnostics;
using CmuContracts.Auth;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// One run of the built CmuContracts.StoreWorker.dll (copied beside the tests) with <c>dotnet</c>: AddCmuClient with its
/// default store in <paramref name="ConfigDirectory"/> (its <c>CMU_CONFIG_DIR</c>), one report call, exit.
/// </summary>
internal sealed record StoreWorkerRun(string ConfigDirectory, int ExitCode, string Output, string Errors)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<StoreWorkerRun> RunAsync(Uri registrationBaseAddress, Uri cmuBaseAddress, string statementFile, string configDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CmuContracts.StoreWorker.dll"));
        start.ArgumentList.Add(registrationBaseAddress.ToString());
        start.ArgumentList.Add(cmuBaseAddress.ToString());
        start.ArgumentList.Add(statementFile);
        start.Environment[CmuUserFolder.ConfigDirectoryVariable] = configDirectory;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The store worker did not finish within {Timeout}: {await errors}");
        }

        return new StoreWorkerRun(configDirectory, process.ExitCode, await output, await errors);
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
