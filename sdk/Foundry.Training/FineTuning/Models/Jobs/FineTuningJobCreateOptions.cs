using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// What to fine-tune: the body of <c>POST /fine_tuning/jobs</c>. <see cref="Model"/> and <see cref="TrainingFile"/> are
/// required; everything else is optional and not sent when not set. <see cref="Method"/>, <see cref="Integrations"/>
/// and <see cref="Metadata"/> are OpenAI platform features.
/// </summary>
public class FineTuningJobCreateOptions : ExtensibleModel<FineTuningJobCreateOptions>
{
    private const int AzureSuffixMaxLength = 40;
    private const int OpenAISuffixMaxLength = 64;
    private const int MetadataMaxPairs = 16;
    private const int MetadataKeyMaxLength = 64;
    private const int MetadataValueMaxLength = 512;

    private IList<FineTuningIntegration>? _integrations;
    private IDictionary<string, string>? _metadata;

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
    [JsonIgnore]
    public IList<FineTuningIntegration> Integrations => OnDemand.List(ref _integrations);

    /// <summary>
    /// Up to 16 key-value pairs to attach to the job; keys up to 64 characters, values up to 512 (OpenAI platform). (<c>metadata</c>)
    /// </summary>
    [JsonIgnore]
    public IDictionary<string, string> Metadata => OnDemand.Dictionary(ref _metadata);

    /// <summary>
    /// Checks, without calling a service, the rules the specs state in words and returns every problem with its JSON
    /// path: <c>model</c> and <c>training_file</c> are required; a <c>suffix</c> has 1 to 64 characters; a
    /// <c>method</c> names its type, and reinforcement has a grader; a Weights and Biases integration names its
    /// project; <c>metadata</c> holds at most 16 pairs of keys up to 64 and values up to 512 characters. Azure OpenAI's
    /// stricter suffix rule (at most 40 characters from <c>a-z A-Z 0-9 - _</c>) is checked too when
    /// <paramref name="azureOpenAI"/> is true, as <see cref="FineTuningClient"/> does for Azure OpenAI.
    /// </summary>
    /// <param name="azureOpenAI">Whether the request is for Azure OpenAI rather than the OpenAI platform.</param>
    /// <returns>The problems found, if any.</returns>
    public ModelValidationResult Validate(bool azureOpenAI = false)
    {
        var problems = new ValidationCollector();
        CollectProblems(problems, ValidationCollector.Root, azureOpenAI);
        return problems.ToResult();
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <param name="azureOpenAI">Whether the request is for Azure OpenAI rather than the OpenAI platform.</param>
    /// <exception cref="System.ArgumentException">The request is not valid; the message lists every problem.</exception>
    public void EnsureValid(bool azureOpenAI = false) => Validate(azureOpenAI).ThrowIfInvalid(nameof(FineTuningJobCreateOptions), parameterName: null);

    /// <summary>Throws, naming <paramref name="parameterName"/>, when <see cref="Validate"/> finds a problem.</summary>
    internal void EnsureValid(bool azureOpenAI, string parameterName) => Validate(azureOpenAI).ThrowIfInvalid(nameof(FineTuningJobCreateOptions), parameterName);

    private void CollectProblems(ValidationCollector problems, string path, bool azureOpenAI)
    {
        problems.RequireText(Model, ValidationCollector.Property(path, "model"));
        problems.RequireText(TrainingFile, ValidationCollector.Property(path, "training_file"));
        CollectSuffixProblems(problems, ValidationCollector.Property(path, "suffix"), azureOpenAI);
        if (Method is not null)
        {
            string methodPath = ValidationCollector.Property(path, "method");
            if (Method.Type is null)
            {
                problems.Add(ValidationCollector.Property(methodPath, "type"), "Required.");
            }
            else if (Method.Type == FineTuningMethodType.Reinforcement && Method.Reinforcement?.Grader is null)
            {
                problems.Add(ValidationCollector.Property(ValidationCollector.Property(methodPath, "reinforcement"), "grader"), "Required for reinforcement fine-tuning.");
            }
        }

        for (int i = 0; i < (_integrations?.Count ?? 0); i++)
        {
            FineTuningIntegration? integration = _integrations![i];
            string integrationPath = ValidationCollector.Index(ValidationCollector.Property(path, "integrations"), i);
            if (integration?.Type is null)
            {
                problems.Add(ValidationCollector.Property(integrationPath, "type"), "Required.");
            }
            else if (integration.Type == FineTuningIntegrationType.Wandb)
            {
                problems.RequireText(integration.Wandb?.Project, ValidationCollector.Property(ValidationCollector.Property(integrationPath, "wandb"), "project"));
            }
        }

        CollectMetadataProblems(problems, ValidationCollector.Property(path, "metadata"));
    }

    private void CollectSuffixProblems(ValidationCollector problems, string path, bool azureOpenAI)
    {
        if (Suffix is null)
        {
            return;
        }

        int maximum = azureOpenAI ? AzureSuffixMaxLength : OpenAISuffixMaxLength;
        if (Suffix.Length == 0 || Suffix.Length > maximum)
        {
            problems.Add(path, string.Format(CultureInfo.InvariantCulture, "Must have 1 to {0} characters{1} but has {2}.", maximum, azureOpenAI ? " on Azure OpenAI" : string.Empty, Suffix.Length));
        }

        if (azureOpenAI)
        {
            foreach (char c in Suffix)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
                {
                    problems.Add(path, $"May only contain a-z, A-Z, 0-9, '-' and '_' on Azure OpenAI but contains '{c}'.");
                    break;
                }
            }
        }
    }

    private void CollectMetadataProblems(ValidationCollector problems, string path)
    {
        if (_metadata is null)
        {
            return;
        }

        if (_metadata.Count > MetadataMaxPairs)
        {
            problems.Add(path, string.Format(CultureInfo.InvariantCulture, "May hold at most {0} pairs but has {1}.", MetadataMaxPairs, _metadata.Count));
        }

        foreach (KeyValuePair<string, string> pair in _metadata)
        {
            string entryPath = ValidationCollector.Key(path, pair.Key);
            if (pair.Key.Length > MetadataKeyMaxLength)
            {
                problems.Add(entryPath, string.Format(CultureInfo.InvariantCulture, "The key is longer than {0} characters.", MetadataKeyMaxLength));
            }

            if (pair.Value is null)
            {
                problems.Add(entryPath, "Required; must not be null.");
            }
            else if (pair.Value.Length > MetadataValueMaxLength)
            {
                problems.Add(entryPath, string.Format(CultureInfo.InvariantCulture, "The value is longer than {0} characters.", MetadataValueMaxLength));
            }
        }
    }

    [JsonInclude]
    [JsonPropertyName("integrations")]
    internal IList<FineTuningIntegration>? IntegrationsJson
    {
        get => OnDemand.ForWriting(_integrations);
        set => _integrations = value;
    }

    [JsonInclude]
    [JsonPropertyName("metadata")]
    internal IDictionary<string, string>? MetadataJson
    {
        get => OnDemand.ForWriting(_metadata);
        set => _metadata = value;
    }
}
