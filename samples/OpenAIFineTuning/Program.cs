using Foundry.Training.Samples;

// Ctrl+C stops waiting; the job keeps training in the service.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

return await OpenAIFineTuningSample.RunAsync(OpenAIFineTuningSettings.FromEnvironment(), Console.Out, stop.Token);
