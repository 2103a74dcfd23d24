using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Benchmarks.Baseline;

// The floor: what a careful hand-written System.Text.Json mapping of the same fine-tuning job looks like. Same
// information as the SDK's models (typed timestamps, the "auto"-or-number hyperparameters), none of the SDK's
// guarantees (no unknown-property round trip, no open enums).

internal sealed class FloorFineTuningPage
{
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("data")] public List<FloorFineTuningJob> Data { get; set; } = new();
    [JsonPropertyName("has_more")] public bool HasMore { get; set; }
    [JsonPropertyName("first_id")] public string? FirstId { get; set; }
    [JsonPropertyName("last_id")] public string? LastId { get; set; }
}

internal sealed class FloorFineTuningJob
{
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("created_at"), JsonConverter(typeof(FloorUnixSeconds))] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("fine_tuned_model")] public string? FineTunedModel { get; set; }
    [JsonPropertyName("training_file")] public string? TrainingFile { get; set; }
    [JsonPropertyName("validation_file")] public string? ValidationFile { get; set; }
    [JsonPropertyName("result_files")] public List<string>? ResultFiles { get; set; }
    [JsonPropertyName("finished_at"), JsonConverter(typeof(FloorUnixSeconds))] public DateTimeOffset? FinishedAt { get; set; }
    [JsonPropertyName("estimated_finish"), JsonConverter(typeof(FloorUnixSeconds))] public DateTimeOffset? EstimatedFinish { get; set; }
    [JsonPropertyName("organization_id")] public string? OrganizationId { get; set; }
    [JsonPropertyName("trained_tokens")] public long? TrainedTokens { get; set; }
    [JsonPropertyName("hyperparameters")] public FloorHyperparameters? Hyperparameters { get; set; }
    [JsonPropertyName("suffix")] public string? Suffix { get; set; }
    [JsonPropertyName("seed")] public int? Seed { get; set; }
    [JsonPropertyName("error")] public FloorError? Error { get; set; }
    [JsonPropertyName("method")] public FloorMethod? Method { get; set; }
    [JsonPropertyName("integrations")] public List<FloorIntegration>? Integrations { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; set; }
}

internal sealed class FloorHyperparameters
{
    [JsonPropertyName("n_epochs")] public FloorHyperparameter? EpochCount { get; set; }
    [JsonPropertyName("batch_size")] public FloorHyperparameter? BatchSize { get; set; }
    [JsonPropertyName("learning_rate_multiplier")] public FloorHyperparameter? LearningRateMultiplier { get; set; }
    [JsonPropertyName("beta")] public FloorHyperparameter? Beta { get; set; }
}

/// <summary>"auto" or a number.</summary>
[JsonConverter(typeof(FloorHyperparameterConverter))]
internal readonly record struct FloorHyperparameter(string? Text, double Number);

internal sealed class FloorHyperparameterConverter : JsonConverter<FloorHyperparameter>
{
    public override FloorHyperparameter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new(reader.GetString(), 0) : new(null, reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, FloorHyperparameter value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class FloorError
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("param")] public string? Param { get; set; }
}

internal sealed class FloorMethod
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("supervised")] public FloorMethodDetails? Supervised { get; set; }
    [JsonPropertyName("dpo")] public FloorMethodDetails? Dpo { get; set; }
}

internal sealed class FloorMethodDetails
{
    [JsonPropertyName("hyperparameters")] public FloorHyperparameters? Hyperparameters { get; set; }
}

internal sealed class FloorIntegration
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("wandb")] public FloorWandb? Wandb { get; set; }
}

internal sealed class FloorWandb
{
    [JsonPropertyName("project")] public string? Project { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("entity")] public string? Entity { get; set; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
}

internal sealed class FloorUnixSeconds : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
