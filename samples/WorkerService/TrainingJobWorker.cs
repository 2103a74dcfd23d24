using Foundry.Training.Jobs;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Foundry.Training.Samples;

/// <summary>Submits a training job, logs its progress until it finishes, then stops the application.</summary>
public sealed class TrainingJobWorker(
    TrainingJobsClient client,
    IOptions<TrainingWorkerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TrainingJobWorker> logger) : BackgroundService
{
    /// <summary>0 when the job completed, 1 when it failed or could not be submitted, 2 when the worker stopped first.</summary>
    public int ExitCode { get; private set; } = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            ExitCode = await TrainAsync(options.Value, stoppingToken) ? 0 : 1;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Stopped before the job finished; it keeps training in the service.");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The training job could not be run.");
            ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task<bool> TrainAsync(TrainingWorkerOptions settings, CancellationToken cancellationToken)
    {
        string name = $"{settings.JobNamePrefix}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var recipe = new SftTrainingConfiguration(settings.BaseModel, new TrainingDatasetConfiguration(settings.TrainingData))
        {
            Lora = new TrainingLoraConfiguration(rank: 8),
        };
        await client.CreateAsync(name, new CommandJob(settings.ComputeId!) { Training = recipe }, cancellationToken);
        logger.LogInformation("Submitted training job {JobName} to {Endpoint}", name, client.Endpoint);

        string? status = null;
        long lastStep = 0;
        while (true)
        {
            try
            {
                await foreach (TrainingJobUpdate update in client.WatchAsync(name, settings.PollingInterval, cancellationToken))
                {
                    if (update.Kind == TrainingJobUpdateKind.StatusChanged && update.Status != status)
                    {
                        status = update.Status;
                        logger.LogInformation("Training job {JobName} is {Status}", name, status);
                    }
                    else if (update is { MetricName: "train/loss", Point.Step: long step } && step > lastStep)
                    {
                        lastStep = step;
                        logger.LogInformation("Training job {JobName} step {Step}: loss {Loss:0.0000}", name, step, update.Point.Value);
                    }
                }

                // Watching ends when the job does.
                return TrainingJobStatus.IsSuccessful(status);
            }
            catch (Exception ex) when (ex is BrokenCircuitException or TimeoutRejectedException)
            {
                // The resilience pipeline gave up on a call; the job itself is unaffected: pause, then watch again.
                logger.LogWarning("The service is not answering ({Reason}); watching again in {Delay}.", ex.Message, settings.PollingInterval);
                await Task.Delay(settings.PollingInterval, cancellationToken);
            }
        }
    }
}
