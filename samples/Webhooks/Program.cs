using Foundry.Training.Samples;

// Ctrl+C stops listening; the job keeps training in the service.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

return await WebhooksSample.RunAsync(WebhooksSettings.FromEnvironment(), Console.Out, stop.Token);
