using System.Runtime.InteropServices;
using CmuContracts.Cli;

// The whole tool lives in CmuApp (one file per command under Commands/); this is only the process boundary.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// SIGTERM (a service manager, `kill`) stops `cmu emulator` as cleanly as Ctrl+C.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
return await CmuApp.RunAsync(args, CliConsole.FromProcess(), cancel.Token).ConfigureAwait(false);
