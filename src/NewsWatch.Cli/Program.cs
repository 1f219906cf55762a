using NewsWatch.Cli.Commands;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C asks for a clean stop (Azurite shut down, queue leases released); a second one kills.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

// A service manager (or a test) stops with SIGTERM: the same clean stop, so Azurite is never left running.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    cancel.Cancel();
});

var context = new CliContext(Console.Out, Console.Error, Environment.CurrentDirectory);
return await CommandDispatcher.RunAsync(CommandCatalog.All(context), args, context, cancel.Token);
