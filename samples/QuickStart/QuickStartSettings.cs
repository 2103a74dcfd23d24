namespace Foundry.Training.Samples;

/// <summary>
/// Where QuickStart trains and what with. Without a project endpoint it runs against the embedded emulator, which
/// accepts any model and compute reference; the training and validation data are the local JSONL files shipped with
/// the sample (<c>data/</c>), uploaded to the project (or the emulator) as datasets. Against your project, use your own.
/// </summary>
public sealed record QuickStartSettings
{
    /// <summary>Your Foundry project (<c>FOUNDRY_PROJECT_ENDPOINT</c>); null runs against the embedded emulator.</summary>
    public Uri? ProjectEndpoint { get; init; }

    /// <summary>The compute to train on (<c>FOUNDRY_COMPUTE_ID</c>); required with a project endpoint.</summary>
    public string? ComputeId { get; init; }

    public string BaseModel { get; init; } = "azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/1";

    /// <summary>A local JSONL file (relative to <see cref="DataDirectory"/>) or a dataset URI (<c>azureai://datasets/...</c>).</summary>
    public string TrainingData { get; init; } = "data/train.jsonl";

    /// <summary>A local JSONL file (relative to <see cref="DataDirectory"/>) or a dataset URI.</summary>
    public string ValidationData { get; init; } = "data/eval.jsonl";

    /// <summary>Where relative local data paths start: the sample's own folder, where <c>data/</c> is copied.</summary>
    public string DataDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>The trained model's files are downloaded below this folder, one subfolder per job.</summary>
    public string OutputDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "quickstart-output");

    public static QuickStartSettings FromEnvironment() => new()
    {
        ProjectEndpoint = Environment.GetEnvironmentVariable("FOUNDRY_PROJECT_ENDPOINT") is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
        ComputeId = Environment.GetEnvironmentVariable("FOUNDRY_COMPUTE_ID"),
    };
}
