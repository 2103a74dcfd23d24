using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A declarative training recipe, chosen by <c>algorithm</c>: <see cref="SftTrainingConfiguration"/>, the preference
/// recipes (<see cref="DpoTrainingConfiguration"/>, <see cref="KtoTrainingConfiguration"/>,
/// <see cref="OrpoTrainingConfiguration"/>, <see cref="CpoTrainingConfiguration"/>, <see cref="SimPoTrainingConfiguration"/>),
/// the reinforcement learning recipes (<see cref="GrpoTrainingConfiguration"/>, <see cref="PpoTrainingConfiguration"/>,
/// <see cref="RlooTrainingConfiguration"/>, <see cref="ReinforcePpTrainingConfiguration"/>) and
/// <see cref="RewardModelTrainingConfiguration"/>; an algorithm this version of the SDK does not know is read as
/// <see cref="UnknownTrainingConfiguration"/>.
/// </summary>
/// <remarks>
/// The typed hyperparameter properties (<see cref="LearningRate"/>, <see cref="NumTrainEpochs"/>, ...) are views of
/// <see cref="Hyperparameters"/> under the Hugging Face / TRL names: setting one writes the dictionary entry, setting it
/// to <see langword="null"/> removes the entry. Reading one whose entry holds something other than a JSON number throws
/// <see cref="InvalidOperationException"/> naming the key; the other entries stay readable.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "algorithm")]
[JsonDerivedType(typeof(SftTrainingConfiguration), "sft")]
[JsonDerivedType(typeof(DpoTrainingConfiguration), "dpo")]
[JsonDerivedType(typeof(KtoTrainingConfiguration), "kto")]
[JsonDerivedType(typeof(OrpoTrainingConfiguration), "orpo")]
[JsonDerivedType(typeof(CpoTrainingConfiguration), "cpo")]
[JsonDerivedType(typeof(SimPoTrainingConfiguration), "simpo")]
[JsonDerivedType(typeof(GrpoTrainingConfiguration), "grpo")]
[JsonDerivedType(typeof(PpoTrainingConfiguration), "ppo")]
[JsonDerivedType(typeof(RlooTrainingConfiguration), "rloo")]
[JsonDerivedType(typeof(ReinforcePpTrainingConfiguration), "reinforce_pp")]
[JsonDerivedType(typeof(RewardModelTrainingConfiguration), "reward_model")]
[JsonDerivedType(typeof(UnknownTrainingConfiguration))]
[PersistableModelProxy(typeof(PolymorphicModelReader<TrainingConfiguration>))]
public abstract class TrainingConfiguration : ExtensibleModel<TrainingConfiguration>
{
    private IDictionary<string, JsonNode?>? _hyperparameters;

    private protected TrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
    {
        Argument.AssertNotNull(model, nameof(model));
        Argument.AssertNotNull(dataset, nameof(dataset));
        Model = model;
        Dataset = dataset;
    }

    private protected TrainingConfiguration()
    {
        Model = null!;
        Dataset = null!;
    }

    /// <summary>
    /// The training algorithm (<c>algorithm</c>); <see langword="null"/> only for an
    /// <see cref="UnknownTrainingConfiguration"/> whose JSON has no string <c>algorithm</c>.
    /// </summary>
    [JsonIgnore]
    public TrainingAlgorithm? Algorithm => AlgorithmValue;

    /// <summary>
    /// The training framework. When not set, the service selects a framework compatible with the algorithm and reports
    /// it in <see cref="ResolvedFramework"/>.
    /// </summary>
    [JsonPropertyName("framework")]
    public TrainingFramework? Framework { get; set; }

    /// <summary>The training framework the service resolved, set by the service.</summary>
    [JsonInclude]
    [JsonPropertyName("resolved_framework")]
    public TrainingFramework? ResolvedFramework { get; internal set; }

    /// <summary>The version of the resolved training framework, set by the service.</summary>
    [JsonInclude]
    [JsonPropertyName("framework_version")]
    public string? FrameworkVersion { get; internal set; }

    /// <summary>The base model asset reference. Required.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; }

    /// <summary>The training and optional evaluation datasets. Required.</summary>
    [JsonPropertyName("dataset")]
    public TrainingDatasetConfiguration Dataset { get; set; }

    /// <summary>
    /// Algorithm-specific hyperparameters by name, as the framework spells them; values are any JSON. The typed
    /// properties of the recipes (such as <c>LearningRate</c>) read and write this same dictionary.
    /// </summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> Hyperparameters => OnDemand.Dictionary(ref _hyperparameters);

    /// <summary>The learning rate (hyperparameter <c>learning_rate</c>).</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? LearningRate
    {
        get => GetDoubleHyperparameter("learning_rate");
        set => SetHyperparameter("learning_rate", value);
    }

    /// <summary>The number of training epochs (hyperparameter <c>num_train_epochs</c>); fractional values train part of the last epoch.</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? NumTrainEpochs
    {
        get => GetDoubleHyperparameter("num_train_epochs");
        set => SetHyperparameter("num_train_epochs", value);
    }

    /// <summary>The batch size per device (hyperparameter <c>per_device_train_batch_size</c>).</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON integer (on read).</exception>
    [JsonIgnore]
    public int? PerDeviceTrainBatchSize
    {
        get => GetInt32Hyperparameter("per_device_train_batch_size");
        set => SetHyperparameter("per_device_train_batch_size", value);
    }

    /// <summary>The number of steps to accumulate gradients over before an update (hyperparameter <c>gradient_accumulation_steps</c>).</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON integer (on read).</exception>
    [JsonIgnore]
    public int? GradientAccumulationSteps
    {
        get => GetInt32Hyperparameter("gradient_accumulation_steps");
        set => SetHyperparameter("gradient_accumulation_steps", value);
    }

    /// <summary>The fraction of training steps used for learning rate warmup (hyperparameter <c>warmup_ratio</c>).</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? WarmupRatio
    {
        get => GetDoubleHyperparameter("warmup_ratio");
        set => SetHyperparameter("warmup_ratio", value);
    }

    /// <summary>The maximum sequence length in tokens (hyperparameter <c>max_seq_length</c>).</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON integer (on read).</exception>
    [JsonIgnore]
    public int? MaxSeqLength
    {
        get => GetInt32Hyperparameter("max_seq_length");
        set => SetHyperparameter("max_seq_length", value);
    }

    [JsonInclude]
    [JsonPropertyName("hyperparameters")]
    internal IDictionary<string, JsonNode?>? HyperparametersJson
    {
        get => OnDemand.ForWriting(_hyperparameters);
        set => _hyperparameters = value;
    }

    private protected abstract TrainingAlgorithm? AlgorithmValue { get; }

    /// <summary>
    /// Checks the rules the service specification states in words, without calling the service, and returns every
    /// problem. Paths are relative to this recipe (<c>$</c>; inside a job it is <c>$.training</c>).
    /// </summary>
    /// <returns>The problems found, if any.</returns>
    public ModelValidationResult Validate()
    {
        var problems = new ValidationCollector();
        CollectProblems(problems, ValidationCollector.Root);
        return problems.ToResult();
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="ArgumentException">The recipe is not valid; the message lists every problem.</exception>
    public void EnsureValid() => Validate().ThrowIfInvalid(GetType().Name, parameterName: null);

    /// <summary>Throws, naming <paramref name="parameterName"/>, when <see cref="Validate"/> finds a problem.</summary>
    internal void EnsureValid(string parameterName) => Validate().ThrowIfInvalid(GetType().Name, parameterName);

    /// <summary>The common rules; recipes add theirs.</summary>
    internal virtual void CollectProblems(ValidationCollector problems, string path)
    {
        if (Algorithm is null)
        {
            problems.Add(ValidationCollector.Property(path, "algorithm"), "Required.");
        }

        problems.RequireText(Model, ValidationCollector.Property(path, "model"));
        string datasetPath = ValidationCollector.Property(path, "dataset");
        if (problems.Require(Dataset, datasetPath))
        {
            problems.RequireText(Dataset.Train, ValidationCollector.Property(datasetPath, "train"));
        }
    }

    /// <summary>The rules of the LoRA and eval sections every known recipe has.</summary>
    private protected static void CollectProblems(ValidationCollector problems, string path, TrainingLoraConfiguration? lora, TrainingEvalConfiguration? eval)
    {
        lora?.CollectProblems(problems, ValidationCollector.Property(path, "lora"));
        eval?.CollectProblems(problems, ValidationCollector.Property(path, "eval"));
    }

    /// <summary>Reads a numeric hyperparameter without creating the dictionary; absent or JSON <c>null</c> is <see langword="null"/>.</summary>
    private protected double? GetDoubleHyperparameter(string key)
    {
        if (!TryGetNumber(key, out JsonElement number))
        {
            return null;
        }

        return number.TryGetDouble(out double value) && !double.IsInfinity(value)
            ? value
            : throw NotNumber(key, number, "a number");
    }

    /// <summary>Reads an integer hyperparameter; an integral number written with a fraction (<c>3.0</c>) is accepted.</summary>
    private protected int? GetInt32Hyperparameter(string key)
    {
        if (!TryGetNumber(key, out JsonElement number))
        {
            return null;
        }

        if (number.TryGetInt32(out int value))
        {
            return value;
        }

        return number.TryGetDouble(out double real) && Math.Floor(real) == real && real >= int.MinValue && real <= int.MaxValue
            ? (int)real
            : throw NotNumber(key, number, "a 32-bit integer");
    }

    private protected void SetHyperparameter(string key, double? value)
    {
        if (value is double number && (double.IsNaN(number) || double.IsInfinity(number)))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Hyperparameter '{key}' must be a finite number.");
        }

        SetHyperparameter(key, value is null ? null : JsonValue.Create(value.Value));
    }

    private protected void SetHyperparameter(string key, int? value) =>
        SetHyperparameter(key, value is null ? null : JsonValue.Create(value.Value));

    private void SetHyperparameter(string key, JsonNode? value)
    {
        if (value is null)
        {
            _hyperparameters?.Remove(key);
        }
        else
        {
            Hyperparameters[key] = value;
        }
    }

    /// <summary>Finds the entry as a JSON number; throws when it is present, not null and not a number.</summary>
    private bool TryGetNumber(string key, out JsonElement number)
    {
        number = default;
        if (_hyperparameters is null || !_hyperparameters.TryGetValue(key, out JsonNode? node) || node is null)
        {
            return false;
        }

        // Entries read from JSON hold a JsonElement; entries set in code hold a CLR value: go through JSON text for both.
        using JsonDocument document = JsonDocument.Parse(node.ToJsonString());
        number = document.RootElement.Clone();
        return number.ValueKind switch
        {
            JsonValueKind.Number => true,
            JsonValueKind.Null => false,
            _ => throw NotNumber(key, number, "a number"),
        };
    }

    private static InvalidOperationException NotNumber(string key, JsonElement value, string expected) =>
        new(string.Format(
            CultureInfo.InvariantCulture,
            "Hyperparameter '{0}' is {1}, not {2}; read it through Hyperparameters[\"{0}\"] instead.",
            key,
            value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "a JSON " + value.ValueKind.ToString().ToLowerInvariant(),
            expected));
}
