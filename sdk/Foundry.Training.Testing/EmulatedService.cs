namespace Foundry.Training.Testing;

/// <summary>The services a <see cref="FoundryTrainingEmulator"/> emulates behind its one endpoint.</summary>
public enum EmulatedService
{
    /// <summary>Azure AI Foundry training jobs: <c>{Endpoint}/training_jobs...</c>.</summary>
    TrainingJobs = 1,

    /// <summary>Azure OpenAI fine-tuning (<c>2024-05-01-preview</c>): <c>{Endpoint}/openai/...</c>.</summary>
    AzureOpenAI = 2,

    /// <summary>The OpenAI platform's fine-tuning, files and models API: <c>{Endpoint}/fine_tuning/...</c>, <c>{Endpoint}/files...</c>, <c>{Endpoint}/models...</c>.</summary>
    OpenAI = 3,

    /// <summary>The pre-signed artifact download URLs the emulator hands out (a stand-in for blob storage).</summary>
    Storage = 4,

    /// <summary>Azure AI Foundry datasets: <c>{Endpoint}/datasets...</c>.</summary>
    Datasets = 5,

    /// <summary>The blob containers dataset uploads write into, through the SAS the datasets service hands out (a stand-in for blob storage).</summary>
    BlobStorage = 6,
}
