using Azure;
using Azure.Core;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Targets;

/// <summary>The SDK client for a <see cref="Target"/>, built exactly as an application builds it.</summary>
internal sealed class Connection
{
    /// <summary>Shows in the services' logs as the start of the User-Agent.</summary>
    private const string ApplicationId = "foundry-train";

    private readonly TrainingJobsClient? _trainingJobs;
    private readonly FineTuningClient? _fineTuning;

    private Connection(Target target, TrainingJobsClient? trainingJobs, FineTuningClient? fineTuning, TimeSpan? pollingInterval)
    {
        Target = target;
        _trainingJobs = trainingJobs;
        _fineTuning = fineTuning;
        PollingInterval = pollingInterval;
    }

    public Target Target { get; }

    public ServiceKind Kind => Target.Kind;

    /// <summary>How often to poll: one step on the emulator; null (the SDK's default, or the service's hint) otherwise.</summary>
    public TimeSpan? PollingInterval { get; }

    /// <summary>The Foundry client; only for a <see cref="ServiceKind.Foundry"/> target.</summary>
    public TrainingJobsClient TrainingJobs => _trainingJobs ?? throw new InvalidOperationException("Not a Foundry target.");

    /// <summary>The fine-tuning client; only for an Azure OpenAI or OpenAI target.</summary>
    public FineTuningClient FineTuning => _fineTuning ?? throw new InvalidOperationException("Not a fine-tuning target.");

    /// <param name="target">The service.</param>
    /// <param name="credential">Creates the Entra ID credential, when the target needs one.</param>
    /// <param name="emulator">The embedded emulator, for an emulator target.</param>
    public static Connection Open(Target target, Func<TokenCredential> credential, DemoEmulator? emulator)
    {
        if (target.IsEmulator)
        {
            ArgumentNullException.ThrowIfNull(emulator);
            Uri endpoint = emulator.Emulator.Endpoint;
            TimeSpan step = emulator.Settings.StepInterval;
            return target.Kind switch
            {
                ServiceKind.Foundry => new(target, new TrainingJobsClient(endpoint, emulator.Emulator.Credential, FoundryOptions()), null, step),
                ServiceKind.AzureOpenAI => new(target, null, new FineTuningClient(endpoint, emulator.Emulator.ApiKey, FineTuningOptions()), step),
                _ => new(target, null, FineTuningClient.ForOpenAI(emulator.Emulator.ApiKey.Key, FineTuningOptions(openAIEndpoint: endpoint)), step),
            };
        }

        return target.Kind switch
        {
            ServiceKind.Foundry => new(target, new TrainingJobsClient(target.Endpoint!, credential(), FoundryOptions()), null, null),
            ServiceKind.AzureOpenAI => new(target, null, target.ApiKey is null
                ? new FineTuningClient(target.Endpoint!, credential(), FineTuningOptions())
                : new FineTuningClient(target.Endpoint!, new AzureKeyCredential(target.ApiKey), FineTuningOptions()), null),
            _ => new(target, null, FineTuningClient.ForOpenAI(target.ApiKey!, OpenAIOptions(target)), null),
        };
    }

    private static TrainingJobsClientOptions FoundryOptions()
    {
        var options = new TrainingJobsClientOptions();
        options.Diagnostics.ApplicationId = ApplicationId;
        return options;
    }

    private static FineTuningClientOptions FineTuningOptions(Uri? openAIEndpoint = null)
    {
        var options = new FineTuningClientOptions { OpenAIEndpoint = openAIEndpoint };
        options.Diagnostics.ApplicationId = ApplicationId;
        return options;
    }

    private static FineTuningClientOptions OpenAIOptions(Target target)
    {
        FineTuningClientOptions options = FineTuningOptions(target.Endpoint);
        options.OpenAIOrganization = target.OpenAIOrganization;
        options.OpenAIProject = target.OpenAIProject;
        return options;
    }
}
