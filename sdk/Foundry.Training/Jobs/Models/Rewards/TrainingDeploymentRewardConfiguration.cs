using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A model deployment used as an LLM judge (<c>kind</c> <c>deployment</c>).</summary>
public sealed class TrainingDeploymentRewardConfiguration : TrainingRewardConfiguration, IJsonModel<TrainingDeploymentRewardConfiguration>
{
    /// <summary>Creates a deployment reward.</summary>
    /// <param name="deployment">The model deployment name or resource reference used as the judge.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="deployment"/> is null.</exception>
    public TrainingDeploymentRewardConfiguration(string deployment)
    {
        Argument.AssertNotNull(deployment, nameof(deployment));
        Deployment = deployment;
    }

    [JsonConstructor]
    internal TrainingDeploymentRewardConfiguration()
    {
        Deployment = null!;
    }

    /// <summary>The model deployment name or resource reference used as the judge. Required.</summary>
    [JsonPropertyName("deployment")]
    public string Deployment { get; set; }

    /// <summary>The rubric or scoring instruction for the judge deployment.</summary>
    [JsonPropertyName("rubric")]
    public string? Rubric { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        problems.RequireText(Deployment, ValidationCollector.Property(path, "deployment"));
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Deployment;

    void IJsonModel<TrainingDeploymentRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TrainingDeploymentRewardConfiguration? IJsonModel<TrainingDeploymentRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingDeploymentRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<TrainingDeploymentRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TrainingDeploymentRewardConfiguration? IPersistableModel<TrainingDeploymentRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingDeploymentRewardConfiguration>(data, options);

    string IPersistableModel<TrainingDeploymentRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
