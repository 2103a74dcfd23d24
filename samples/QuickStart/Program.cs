using Foundry.Training.Samples;

// Ctrl+C stops watching; the job keeps training in the service.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

return await QuickStartSample.RunAsync(QuickStartSettings.FromEnvironment(), Console.Out, stop.Token);
