using NewsWatch.Cli.Commands;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C asks for a clean stop (Azurite shut down, queue leases released); a second one kills.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

var context = new CliContext(Console.Out, Console.Error, Environment.CurrentDirectory);
return await CommandDispatcher.RunAsync(CommandCatalog.All(context), args, context, cancel.Token);
