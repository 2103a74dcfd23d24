namespace Foundry.Training.Samples;

/// <summary>What <see cref="TrainingJobWorker"/> trains and how it watches: the <c>TrainingWorker</c> configuration section.</summary>
public sealed class TrainingWorkerOptions
{
    /// <summary>Each job is named <c>{prefix}-{UTC timestamp}</c>.</summary>
    public string JobNamePrefix { get; set; } = "worker-sft";

    /// <summary>The compute to train on: <c>FOUNDRY_COMPUTE_ID</c>, required with a project endpoint.</summary>
    public string? ComputeId { get; set; }

    public string BaseModel { get; set; } = "azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/1";

    public string TrainingData { get; set; } = "azureai://accounts/my-account/projects/my-project/data/support-chats-train/versions/1";

    /// <summary>How often the job is polled.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest a single call may take, its retries included, before the resilience pipeline gives up on it.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
