using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// What to fine-tune: the body of <c>POST /fine_tuning/jobs</c>. <see cref="Model"/> and <see cref="TrainingFile"/> are
/// required; everything else is optional and not sent when not set. <see cref="Method"/>, <see cref="Integrations"/>
/// and <see cref="Metadata"/> are OpenAI platform features.
/// </summary>
public class FineTuningJobCreateOptions : ExtensibleModel
{
    /// <summary>Creates empty options; set <see cref="Model"/> and <see cref="TrainingFile"/>.</summary>
    public FineTuningJobCreateOptions()
    {
    }

    /// <summary>Creates options with the required values.</summary>
    /// <param name="model">The base model to fine-tune.</param>
    /// <param name="trainingFile">The id of an uploaded training file (purpose <c>fine-tune</c>).</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="trainingFile"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="model"/> or <paramref name="trainingFile"/> is empty.</exception>
    public FineTuningJobCreateOptions(string model, string trainingFile)
    {
        Argument.AssertNotNullOrEmpty(model, nameof(model));
        Argument.AssertNotNullOrEmpty(trainingFile, nameof(trainingFile));
        Model = model;
        TrainingFile = trainingFile;
    }

    /// <summary>The base model to fine-tune (model id). Required. (<c>model</c>)</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The id of the uploaded JSONL training file. Required. (<c>training_file</c>)</summary>
    [JsonPropertyName("training_file")]
    public string? TrainingFile { get; set; }

    /// <summary>The id of an uploaded JSONL validation file, used for validation metrics during training. (<c>validation_file</c>)</summary>
    [JsonPropertyName("validation_file")]
    public string? ValidationFile { get; set; }

    /// <summary>
    /// The hyperparameters. On the OpenAI platform this is deprecated in favour of the method's hyperparameters
    /// (<see cref="Method"/>). (<c>hyperparameters</c>)
    /// </summary>
    [JsonPropertyName("hyperparameters")]
    public FineTuningHyperparameters? Hyperparameters { get; set; }

    /// <summary>
    /// Added to the fine-tuned model's name. Azure OpenAI: up to 40 characters from <c>a-z A-Z 0-9 - _</c>; OpenAI
    /// platform: 1 to 64 characters. (<c>suffix</c>)
    /// </summary>
    [JsonPropertyName("suffix")]
    public string? Suffix { get; set; }

    /// <summary>Seed for reproducibility; the service generates one when not set. (<c>seed</c>)</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; set; }

    /// <summary>The fine-tuning method: supervised, DPO or reinforcement (OpenAI platform). (<c>method</c>)</summary>
    [JsonPropertyName("method")]
    public FineTuningMethod? Method { get; set; }

    /// <summary>Integrations to enable, such as Weights and Biases (OpenAI platform). (<c>integrations</c>)</summary>
    [JsonPropertyName("integrations")]
    public IList<FineTuningIntegration> Integrations { get; } = new List<FineTuningIntegration>();

    /// <summary>
    /// Up to 16 key-value pairs to attach to the job; keys up to 64 characters, values up to 512 (OpenAI platform). (<c>metadata</c>)
    /// </summary>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
}
