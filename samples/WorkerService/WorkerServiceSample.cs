using Azure;
using Azure.Core.Extensions;
using Azure.Identity;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Foundry.Training.Samples;

/// <summary>
/// A generic host that registers <see cref="TrainingJobsClient"/> through Microsoft.Extensions.Azure, guards its calls
/// with a Polly timeout and circuit breaker, and runs <see cref="TrainingJobWorker"/> until the job has finished.
/// </summary>
public static class WorkerServiceSample
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        // Your Foundry project when FOUNDRY_PROJECT_ENDPOINT is configured, otherwise an emulator in this process.
        IConfiguration configuration = builder.Configuration;
        string? endpoint = configuration["FOUNDRY_PROJECT_ENDPOINT"];
        await using FoundryTrainingEmulator? emulator = string.IsNullOrEmpty(endpoint) ? FoundryTrainingEmulator.Start() : null;

        builder.Services.AddAzureClients(clients =>
        {
            IAzureClientBuilder<TrainingJobsClient, TrainingJobsClientOptions> registration = emulator is null
                ? clients.AddTrainingJobsClient(new Uri(endpoint!)).WithCredential(new DefaultAzureCredential())
                : clients.AddTrainingJobsClient(emulator.Endpoint, emulator.Credential);
            registration.ConfigureOptions(configuration.GetSection("TrainingJobsClient")); // retries, diagnostics, ...
            registration.ConfigureOptions((options, services) => options.ResiliencePipeline = CreateResiliencePipeline(services));
        });

        builder.Services.AddOptions<TrainingWorkerOptions>()
            .Bind(configuration.GetSection("TrainingWorker"))
            .Configure(options => options.ComputeId = configuration["FOUNDRY_COMPUTE_ID"] is { Length: > 0 } computeId ? computeId : options.ComputeId)
            .Validate(options => !string.IsNullOrEmpty(options.ComputeId), "Set FOUNDRY_COMPUTE_ID to the compute to train on.")
            .ValidateOnStart();
        if (emulator is not null)
        {
            // The emulator accepts any compute and trains in seconds: poll it often.
            builder.Services.PostConfigure<TrainingWorkerOptions>(options =>
            {
                options.ComputeId ??= "emulator-gpu-cluster";
                options.PollingInterval = TimeSpan.FromMilliseconds(250);
            });
        }

        builder.Services.AddSingleton<TrainingJobWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TrainingJobWorker>());

        using IHost host = builder.Build();
        TrainingJobWorker worker = host.Services.GetRequiredService<TrainingJobWorker>();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WorkerService").LogInformation(
            "Target: {Target}",
            emulator is null ? $"Foundry project {endpoint}" : $"embedded emulator at {emulator.Endpoint} (set FOUNDRY_PROJECT_ENDPOINT to use your project)");
        await host.RunAsync(cancellationToken);
        return worker.ExitCode;
    }

    /// <summary>
    /// Around each call (its built-in retries included): a timeout, and a circuit breaker that stops calling a service
    /// that keeps failing for a while. Error statuses are results, not exceptions: <c>HandleResult</c> selects them.
    /// </summary>
    private static ResiliencePipeline<Response> CreateResiliencePipeline(IServiceProvider services)
    {
        TrainingWorkerOptions options = services.GetRequiredService<IOptions<TrainingWorkerOptions>>().Value;
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("WorkerService.Resilience");
        return new ResiliencePipelineBuilder<Response>()
            .AddTimeout(options.CallTimeout)
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Response>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = new PredicateBuilder<Response>()
                    .Handle<RequestFailedException>()
                    .HandleResult(response => response.Status is 429 or >= 500),
                OnOpened = args =>
                {
                    logger.LogWarning("Calls to the service keep failing; pausing them for {BreakDuration}.", args.BreakDuration);
                    return default;
                },
            })
            .Build();
    }
}
