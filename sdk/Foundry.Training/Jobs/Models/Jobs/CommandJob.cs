using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A command job (<c>job_type</c> <c>command</c>): either runs <see cref="Command"/> in
/// <see cref="EnvironmentImageReference"/>, or, with <see cref="Training"/>, a declarative training recipe the service
/// compiles into the command and environment.
/// </summary>
public sealed class CommandJob : JobProperties, IJsonModel<CommandJob>
{
    private IDictionary<string, JsonNode?>? _tags;
    private IDictionary<string, JsonNode?>? _properties;
    private IDictionary<string, JobInput>? _inputs;
    private IDictionary<string, JobOutput>? _outputs;
    private IDictionary<string, JsonNode?>? _environmentVariables;
    private DeferredModel<TrainingConfiguration>? _training;

    /// <summary>Creates a command job that runs on the given compute.</summary>
    /// <param name="computeId">The compute resource ID.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="computeId"/> is null.</exception>
    public CommandJob(string computeId)
    {
        Argument.AssertNotNull(computeId, nameof(computeId));
        ComputeId = computeId;
    }

    [JsonConstructor]
    internal CommandJob()
    {
        ComputeId = null!;
    }

    /// <summary>
    /// The command to execute on startup of the job. Required when <see cref="Training"/> is not set, and must be
    /// omitted when it is.
    /// </summary>
    [JsonPropertyName("command")]
    public string? Command { get; set; }

    /// <summary>The ACR path or Azure ML environment reference. Required when <see cref="Training"/> is not set.</summary>
    [JsonPropertyName("environment_image_reference")]
    public string? EnvironmentImageReference { get; set; }

    /// <summary>
    /// The declarative training recipe, such as <see cref="SftTrainingConfiguration"/> or
    /// <see cref="GrpoTrainingConfiguration"/>. When set, the service compiles it into the command and environment.
    /// </summary>
    /// <remarks>
    /// A recipe read from a response is parsed when this property is first read: a status poll or a list of jobs does
    /// not pay for it. A recipe the service sent in a form this version of the SDK cannot read reads as null and is kept
    /// in <see cref="ExtensibleModel.AdditionalProperties"/> under <c>training</c>, written back as it came.
    /// </remarks>
    [JsonIgnore]
    public TrainingConfiguration? Training
    {
        get => DeferredModel.Get(ref _training, this, "training");
        set => _training = DeferredModel.Of(value);
    }

    [JsonInclude]
    [JsonPropertyName("training")]
    [JsonConverter(typeof(DeferredModelConverter<TrainingConfiguration>))]
    internal DeferredModel<TrainingConfiguration>? TrainingJson
    {
        get => _training;
        set => _training = value;
    }

    /// <summary>The display name of the job.</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }

    /// <summary>The description of the job.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Tags of the job; values are any JSON.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> Tags => OnDemand.Dictionary(ref _tags);

    /// <summary>The property dictionary of the job; values are any JSON.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> Properties => OnDemand.Dictionary(ref _properties);

    /// <summary>The code asset reference.</summary>
    [JsonPropertyName("code_id")]
    public string? CodeId { get; set; }

    /// <summary>The compute resource ID. Required.</summary>
    [JsonPropertyName("compute_id")]
    public string ComputeId { get; set; }

    /// <summary>The input data bindings of the job, by name.</summary>
    [JsonIgnore]
    public IDictionary<string, JobInput> Inputs => OnDemand.Dictionary(ref _inputs);

    /// <summary>The output data bindings of the job, by name.</summary>
    [JsonIgnore]
    public IDictionary<string, JobOutput> Outputs => OnDemand.Dictionary(ref _outputs);

    /// <summary>The environment variables of the job; values are any JSON (usually strings).</summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> EnvironmentVariables => OnDemand.Dictionary(ref _environmentVariables);

    /// <summary>The compute resource configuration of the job.</summary>
    [JsonPropertyName("resources")]
    public JobResourceConfiguration? Resources { get; set; }

    /// <summary>The number of GPUs requested by the job.</summary>
    [JsonPropertyName("gpu_count")]
    public int? GpuCount { get; set; }

    /// <summary>
    /// The distribution configuration of the job: <see cref="PyTorchDistribution"/>, <see cref="MpiDistribution"/>,
    /// <see cref="TensorFlowDistribution"/>, <see cref="RayDistribution"/> or not set.
    /// </summary>
    [JsonPropertyName("distribution")]
    public DistributionConfiguration? Distribution { get; set; }

    /// <summary>The limits of the job.</summary>
    [JsonPropertyName("limits")]
    public CommandJobLimits? Limits { get; set; }

    /// <summary>The queue settings of the job.</summary>
    [JsonPropertyName("queue_settings")]
    public QueueSettings? QueueSettings { get; set; }

    /// <summary>The resource ID of the user-assigned managed identity the job runs as.</summary>
    [JsonPropertyName("user_assigned_identity_id")]
    public string? UserAssignedIdentityId { get; set; }

    /// <summary>
    /// The status of the job, set by the service: an open string (<c>Queued</c>, <c>Running</c>, <c>Completed</c>, ...);
    /// see <see cref="TrainingJobStatus"/> for the known values and case-insensitive checks such as
    /// <see cref="TrainingJobStatus.IsTerminal"/>.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("status")]
    public string? Status { get; internal set; }

    [JsonInclude]
    [JsonPropertyName("tags")]
    internal IDictionary<string, JsonNode?>? TagsJson
    {
        get => OnDemand.ForWriting(_tags);
        set => _tags = value;
    }

    [JsonInclude]
    [JsonPropertyName("properties")]
    internal IDictionary<string, JsonNode?>? PropertiesJson
    {
        get => OnDemand.ForWriting(_properties);
        set => _properties = value;
    }

    [JsonInclude]
    [JsonPropertyName("inputs")]
    internal IDictionary<string, JobInput>? InputsJson
    {
        get => OnDemand.ForWriting(_inputs);
        set => _inputs = value;
    }

    [JsonInclude]
    [JsonPropertyName("outputs")]
    internal IDictionary<string, JobOutput>? OutputsJson
    {
        get => OnDemand.ForWriting(_outputs);
        set => _outputs = value;
    }

    [JsonInclude]
    [JsonPropertyName("environment_variables")]
    internal IDictionary<string, JsonNode?>? EnvironmentVariablesJson
    {
        get => OnDemand.ForWriting(_environmentVariables);
        set => _environmentVariables = value;
    }

    private protected override JobType? JobTypeValue => Jobs.JobType.Command;

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        if (Training is null)
        {
            if (string.IsNullOrWhiteSpace(Command))
            {
                problems.Add(ValidationCollector.Property(path, "command"), "Required when training is not set.");
            }

            if (string.IsNullOrWhiteSpace(EnvironmentImageReference))
            {
                problems.Add(ValidationCollector.Property(path, "environment_image_reference"), "Required when training is not set.");
            }
        }
        else
        {
            if (Command is not null)
            {
                problems.Add(ValidationCollector.Property(path, "command"), "Must be omitted when training is set: the service compiles the recipe into the command.");
            }

            Training.CollectProblems(problems, ValidationCollector.Property(path, "training"));
        }

        problems.RequireText(ComputeId, ValidationCollector.Property(path, "compute_id"));

        if (_inputs is not null)
        {
            foreach (KeyValuePair<string, JobInput> input in _inputs)
            {
                string inputPath = ValidationCollector.Key(ValidationCollector.Property(path, "inputs"), input.Key);
                if (problems.Require(input.Value, inputPath))
                {
                    input.Value.CollectProblems(problems, inputPath);
                }
            }
        }

        if (_outputs is not null)
        {
            foreach (KeyValuePair<string, JobOutput> output in _outputs)
            {
                string outputPath = ValidationCollector.Key(ValidationCollector.Property(path, "outputs"), output.Key);
                if (problems.Require(output.Value, outputPath))
                {
                    output.Value.CollectProblems(problems, outputPath);
                }
            }
        }

        Resources?.CollectProblems(problems, ValidationCollector.Property(path, "resources"));
    }

    void IJsonModel<CommandJob>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    CommandJob? IJsonModel<CommandJob>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<CommandJob>(ref reader, options);

    BinaryData IPersistableModel<CommandJob>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    CommandJob? IPersistableModel<CommandJob>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<CommandJob>(data, options);

    string IPersistableModel<CommandJob>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
