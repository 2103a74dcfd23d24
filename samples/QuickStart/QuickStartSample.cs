using Azure.Identity;
using Foundry.Training.Datasets;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Samples;

/// <summary>
/// Fine-tunes a model with supervised fine-tuning (SFT) and LoRA on Azure AI Foundry: uploads the local training data,
/// creates the job, shows its progress, reads its metrics, downloads the trained adapter and prints a summary.
/// </summary>
public static class QuickStartSample
{
    public static async Task<int> RunAsync(QuickStartSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        // Your Foundry project when one is configured (signed in with DefaultAzureCredential: Azure CLI, Visual Studio,
        // managed identity, ...), otherwise an emulator of the service inside this process.
        // The emulator, like the service, refuses a job whose datasets do not exist and reads the training file.
        await using FoundryTrainingEmulator? emulator = settings.ProjectEndpoint is null
            ? FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { ValidateDatasetReferences = true })
            : null;
        var credential = new DefaultAzureCredential();
        TrainingJobsClient client = emulator?.CreateTrainingJobsClient() ?? new TrainingJobsClient(settings.ProjectEndpoint!, credential);
        DatasetsClient datasets = emulator?.CreateDatasetsClient() ?? new DatasetsClient(settings.ProjectEndpoint!, credential);
        string? computeId = emulator is null ? settings.ComputeId : settings.ComputeId ?? "emulator-gpu-cluster";
        TimeSpan pollingInterval = emulator is null ? TimeSpan.FromSeconds(15) : TimeSpan.FromMilliseconds(250);
        output.WriteLine(emulator is null
            ? $"Target: Foundry project {client.Endpoint}"
            : $"Target: embedded emulator at {client.Endpoint} (set FOUNDRY_PROJECT_ENDPOINT to use your project)");
        if (computeId is null)
        {
            output.WriteLine("Set FOUNDRY_COMPUTE_ID to the compute to train on.");
            return 2;
        }

        // 1. The recipe: SFT of a base model with a LoRA adapter, evaluated on held-out data.
        const double Epochs = 3;
        var data = new TrainingDatasetConfiguration(settings.TrainingData) { Eval = settings.ValidationData };
        var recipe = new SftTrainingConfiguration(settings.BaseModel, data)
        {
            Lora = new TrainingLoraConfiguration(rank: 16) { Alpha = 32, Dropout = 0.05, TargetModules = "all-linear" },
            Eval = new TrainingEvalConfiguration { EveryNSteps = 50 },
            NumTrainEpochs = Epochs,
            LearningRate = 2e-4,
        };
        var job = new CommandJob(computeId) { DisplayName = "QuickStart: SFT with LoRA", Training = recipe };

        // 2. Upload the local data files as dataset versions (named by their content hash, so an unchanged file is not
        //    sent again) and refer to them; dataset URIs are left as they are.
        job = await datasets.ResolveLocalPathsAsync(job, new LocalAssetOptions { BaseDirectory = settings.DataDirectory }, cancellationToken);
        output.WriteLine($"Training data:   {settings.TrainingData} -> {job.Training!.Dataset.Train}");
        output.WriteLine($"Validation data: {settings.ValidationData} -> {job.Training.Dataset.Eval}");

        // 3. Create the job (the client validates the recipe first and retries the create safely).
        string name = $"quickstart-sft-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        await client.CreateAsync(name, job, cancellationToken);
        output.WriteLine($"Created training job {name}");

        // 4. Watch it: status changes and new metric points, until it finishes.
        var progress = new ProgressBar(output);
        string? status = null;
        var losses = new SortedList<long, double>(); // by step
        var epochs = new SortedList<long, double>();
        await foreach (TrainingJobUpdate update in client.WatchAsync(name, pollingInterval, cancellationToken))
        {
            if (update.Kind == TrainingJobUpdateKind.StatusChanged)
            {
                status = update.Status;
                progress.WriteLine($"Status: {status}");
                continue;
            }

            // Each metric is read on its own, so a step's loss and epoch can arrive in either order: show a step once both are in.
            if (update.Point is not { Step: long step, Value: double value })
            {
                continue;
            }

            if (update.MetricName == "train/loss")
            {
                losses[step] = value;
            }
            else if (update.MetricName == "train/epoch")
            {
                epochs[step] = value;
            }

            if (losses.TryGetValue(step, out double loss) && epochs.TryGetValue(step, out double epoch))
            {
                progress.Show(epoch / Epochs, loss);
            }
        }

        progress.End();
        if (!TrainingJobStatus.IsSuccessful(status))
        {
            output.WriteLine($"The job ended {status}; its attempts and logs/ artifacts tell why.");
            return 1;
        }

        JobAttempt attempt = (await client.GetAttemptAsync(name, TrainingJobsClient.LatestAttempt, cancellationToken)).Value;

        // 5. The last value of every metric the job logged.
        output.WriteLine("Final metrics:");
        await foreach (JobMetricLastValue metric in client.GetMetricLastValuesAsync(name, attempt.Id, cancellationToken))
        {
            output.WriteLine($"  {metric.Name,-22} {metric.Value,10:0.######}  (step {metric.Step})");
        }

        // 6. Download the trained model (the adapter and its configuration) to a local folder.
        string folder = Path.Combine(settings.OutputDirectory, name);
        IReadOnlyList<DownloadedArtifact> files = await client.DownloadArtifactsAsync(name, attempt.Id, folder, pathPrefix: "outputs/", cancellationToken: cancellationToken);
        output.WriteLine($"Downloaded to {folder}:");
        foreach (DownloadedArtifact file in files)
        {
            output.WriteLine($"  {file.ArtifactPath,-42} {file.Length,10:N0} bytes");
        }

        // 7. Summary.
        output.WriteLine();
        output.WriteLine("Summary");
        output.WriteLine($"  Job        {name}: {status} after {attempt.EndedAt - attempt.StartedAt:g} of training (attempt {attempt.Id})");
        if (losses.Count > 0)
        {
            output.WriteLine($"  Loss       {losses.Values[0]:0.####} at step {losses.Keys[0]} -> {losses.Values[^1]:0.####} at step {losses.Keys[^1]}");
        }

        output.WriteLine($"  Model      {files.Count} files, {files.Sum(f => f.Length):N0} bytes in {folder}");
        await foreach (JobOutputReference registered in client.GetOutputsAsync(name, cancellationToken))
        {
            output.WriteLine($"  Output     {registered.Name}: {registered.Uri}");
        }

        return 0;
    }
}
