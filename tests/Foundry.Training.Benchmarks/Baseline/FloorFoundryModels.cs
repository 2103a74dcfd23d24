using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Benchmarks.Baseline;

// The floor for a Foundry training job: System.Text.Json's own polymorphism (known kinds only, discriminator first),
// Record<unknown> maps as JsonElement values, no unknown-property round trip.

internal sealed class FloorTrainingJobPage
{
    [JsonPropertyName("data")] public List<FloorTrainingJob> Data { get; set; } = new();
    [JsonPropertyName("first_id")] public string? FirstId { get; set; }
    [JsonPropertyName("last_id")] public string? LastId { get; set; }
    [JsonPropertyName("has_more")] public bool HasMore { get; set; }
}

internal sealed class FloorTrainingJob
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("properties")] public FloorJobProperties? Properties { get; set; }
    [JsonPropertyName("system_data")] public FloorSystemData? SystemData { get; set; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "job_type")]
[JsonDerivedType(typeof(FloorCommandJob), "command")]
internal abstract class FloorJobProperties
{
}

internal sealed class FloorCommandJob : FloorJobProperties
{
    [JsonPropertyName("command")] public string? Command { get; set; }
    [JsonPropertyName("environment_image_reference")] public string? EnvironmentImageReference { get; set; }
    [JsonPropertyName("training")] public FloorTrainingConfiguration? Training { get; set; }
    [JsonPropertyName("display_name")] public string? DisplayName { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("tags")] public Dictionary<string, JsonElement>? Tags { get; set; }
    [JsonPropertyName("properties")] public Dictionary<string, JsonElement>? Properties { get; set; }
    [JsonPropertyName("code_id")] public string? CodeId { get; set; }
    [JsonPropertyName("compute_id")] public string? ComputeId { get; set; }
    [JsonPropertyName("inputs")] public Dictionary<string, FloorJobInput>? Inputs { get; set; }
    [JsonPropertyName("outputs")] public Dictionary<string, FloorJobOutput>? Outputs { get; set; }
    [JsonPropertyName("environment_variables")] public Dictionary<string, JsonElement>? EnvironmentVariables { get; set; }
    [JsonPropertyName("resources")] public FloorResources? Resources { get; set; }
    [JsonPropertyName("gpu_count")] public int? GpuCount { get; set; }
    [JsonPropertyName("distribution")] public FloorDistribution? Distribution { get; set; }
    [JsonPropertyName("limits")] public FloorLimits? Limits { get; set; }
    [JsonPropertyName("queue_settings")] public FloorQueueSettings? QueueSettings { get; set; }
    [JsonPropertyName("user_assigned_identity_id")] public string? UserAssignedIdentityId { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "algorithm")]
[JsonDerivedType(typeof(FloorGrpoConfiguration), "grpo")]
internal abstract class FloorTrainingConfiguration
{
    [JsonPropertyName("framework")] public string? Framework { get; set; }
    [JsonPropertyName("resolved_framework")] public string? ResolvedFramework { get; set; }
    [JsonPropertyName("framework_version")] public string? FrameworkVersion { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("dataset")] public FloorDataset? Dataset { get; set; }
    [JsonPropertyName("hyperparameters")] public Dictionary<string, JsonElement>? Hyperparameters { get; set; }
}

internal sealed class FloorGrpoConfiguration : FloorTrainingConfiguration
{
    [JsonPropertyName("reward")] public FloorReward? Reward { get; set; }
    [JsonPropertyName("lora")] public FloorLora? Lora { get; set; }
    [JsonPropertyName("rollout")] public FloorRollout? Rollout { get; set; }
    [JsonPropertyName("eval")] public FloorEval? Eval { get; set; }
}

internal sealed class FloorDataset
{
    [JsonPropertyName("train")] public string? Train { get; set; }
    [JsonPropertyName("eval")] public string? Eval { get; set; }
    [JsonPropertyName("columns")] public FloorColumns? Columns { get; set; }
    [JsonPropertyName("data_format")] public FloorDataFormat? DataFormat { get; set; }
}

internal sealed class FloorColumns
{
    [JsonPropertyName("prompt")] public string? Prompt { get; set; }
    [JsonPropertyName("chosen")] public string? Chosen { get; set; }
    [JsonPropertyName("rejected")] public string? Rejected { get; set; }
    [JsonPropertyName("reference")] public string? Reference { get; set; }
    [JsonPropertyName("messages")] public string? Messages { get; set; }
}

internal sealed class FloorDataFormat
{
    [JsonPropertyName("chat_template")] public string? ChatTemplate { get; set; }
    [JsonPropertyName("chat_template_path")] public string? ChatTemplatePath { get; set; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FloorCompositeReward), "composite")]
[JsonDerivedType(typeof(FloorBuiltinReward), "builtin")]
[JsonDerivedType(typeof(FloorDeploymentReward), "deployment")]
[JsonDerivedType(typeof(FloorInlineFunctionReward), "inline_function")]
[JsonDerivedType(typeof(FloorModelReward), "model")]
[JsonDerivedType(typeof(FloorEvaluatorReward), "evaluator")]
internal abstract class FloorReward
{
}

internal sealed class FloorCompositeReward : FloorReward
{
    [JsonPropertyName("rewards")] public List<FloorWeightedReward>? Rewards { get; set; }
}

internal sealed class FloorWeightedReward
{
    [JsonPropertyName("reward")] public FloorReward? Reward { get; set; }
    [JsonPropertyName("weight")] public double? Weight { get; set; }
}

internal sealed class FloorBuiltinReward : FloorReward
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("configuration")] public Dictionary<string, JsonElement>? Configuration { get; set; }
}

internal sealed class FloorDeploymentReward : FloorReward
{
    [JsonPropertyName("deployment")] public string? Deployment { get; set; }
    [JsonPropertyName("rubric")] public string? Rubric { get; set; }
}

internal sealed class FloorInlineFunctionReward : FloorReward
{
    [JsonPropertyName("inline_function")] public FloorInlineFunction? InlineFunction { get; set; }
}

internal sealed class FloorInlineFunction
{
    [JsonPropertyName("def")] public string? Definition { get; set; }
    [JsonPropertyName("runtime")] public FloorRuntime? Runtime { get; set; }
}

internal sealed class FloorRuntime
{
    [JsonPropertyName("pip")] public List<string>? Pip { get; set; }
}

internal sealed class FloorModelReward : FloorReward
{
    [JsonPropertyName("model")] public string? Model { get; set; }
}

internal sealed class FloorEvaluatorReward : FloorReward
{
    [JsonPropertyName("evaluator")] public string? Evaluator { get; set; }
    [JsonPropertyName("input_mapping")] public Dictionary<string, JsonElement>? InputMapping { get; set; }
}

internal sealed class FloorLora
{
    [JsonPropertyName("rank")] public int Rank { get; set; }
    [JsonPropertyName("alpha")] public int? Alpha { get; set; }
    [JsonPropertyName("dropout")] public double? Dropout { get; set; }
    [JsonPropertyName("target_modules")] public string? TargetModules { get; set; }
    [JsonPropertyName("quantize")] public bool? Quantize { get; set; }
}

internal sealed class FloorRollout
{
    [JsonPropertyName("engine")] public string? Engine { get; set; }
    [JsonPropertyName("num_generations")] public int? NumGenerations { get; set; }
    [JsonPropertyName("max_prompt_length")] public int? MaxPromptLength { get; set; }
    [JsonPropertyName("max_completion_length")] public int? MaxCompletionLength { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("top_p")] public double? TopP { get; set; }
    [JsonPropertyName("batch_size")] public int? BatchSize { get; set; }
    [JsonPropertyName("seed")] public int? Seed { get; set; }
    [JsonPropertyName("tensor_parallel_size")] public int? TensorParallelSize { get; set; }
    [JsonPropertyName("gpu_memory_utilization")] public double? GpuMemoryUtilization { get; set; }
    [JsonPropertyName("stop")] public List<string>? Stop { get; set; }
}

internal sealed class FloorEval
{
    [JsonPropertyName("benchmark")] public string? Benchmark { get; set; }
    [JsonPropertyName("dataset")] public string? Dataset { get; set; }
    [JsonPropertyName("every_n_steps")] public int? EveryNSteps { get; set; }
}

internal sealed class FloorJobInput
{
    [JsonPropertyName("job_input_type")] public string? JobInputType { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("mode")] public string? Mode { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
}

internal sealed class FloorJobOutput
{
    [JsonPropertyName("job_output_type")] public string? JobOutputType { get; set; }
    [JsonPropertyName("mode")] public string? Mode { get; set; }
    [JsonPropertyName("asset_name")] public string? AssetName { get; set; }
    [JsonPropertyName("asset_version")] public string? AssetVersion { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("base_model_id")] public string? BaseModelId { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
}

internal sealed class FloorResources
{
    [JsonPropertyName("instance_count")] public int? InstanceCount { get; set; }
    [JsonPropertyName("instance_type")] public string? InstanceType { get; set; }
    [JsonPropertyName("shm_size")] public string? ShmSize { get; set; }
    [JsonPropertyName("docker_args")] public string? DockerArgs { get; set; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "distribution_type")]
[JsonDerivedType(typeof(FloorPyTorchDistribution), "pytorch")]
internal abstract class FloorDistribution
{
}

internal sealed class FloorPyTorchDistribution : FloorDistribution
{
    [JsonPropertyName("process_count_per_instance")] public int? ProcessCountPerInstance { get; set; }
}

internal sealed class FloorLimits
{
    [JsonPropertyName("job_limits_type")] public string? JobLimitsType { get; set; }
    [JsonPropertyName("timeout"), JsonConverter(typeof(FloorDuration))] public TimeSpan? Timeout { get; set; }
}

internal sealed class FloorQueueSettings
{
    [JsonPropertyName("job_tier")] public string? JobTier { get; set; }
}

internal sealed class FloorSystemData
{
    [JsonPropertyName("created_by")] public string? CreatedBy { get; set; }
    [JsonPropertyName("created_by_type")] public string? CreatedByType { get; set; }
    [JsonPropertyName("created_at"), JsonConverter(typeof(FloorUnixSeconds))] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("last_modified_by")] public string? LastModifiedBy { get; set; }
    [JsonPropertyName("last_modified_by_type")] public string? LastModifiedByType { get; set; }
    [JsonPropertyName("last_modified_at"), JsonConverter(typeof(FloorUnixSeconds))] public DateTimeOffset? LastModifiedAt { get; set; }
}

internal sealed class FloorDuration : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        System.Xml.XmlConvert.ToTimeSpan(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => throw new NotSupportedException();
}
