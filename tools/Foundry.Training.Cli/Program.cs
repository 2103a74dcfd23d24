using Foundry.Training.Cli;
using Foundry.Training.Cli.Hosting;

// Ctrl+C stops the command (exit code 130); a second Ctrl+C ends the process at once. A job being watched keeps running.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};

return await FoundryTrainCli.RunAsync(args, CliHost.ForProcess(), stop.Token);
