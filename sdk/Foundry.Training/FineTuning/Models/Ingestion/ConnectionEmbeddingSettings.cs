using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An embedding model reached through a connection, for system-compute jobs (<c>GenericEmbeddingSettings</c> in the spec).
/// </summary>
public sealed class ConnectionEmbeddingSettings : ExtensibleModel<ConnectionEmbeddingSettings>
{
    /// <summary>The connection to the embedding model, for example a <see cref="DeploymentConnection"/>.</summary>
    [JsonPropertyName("connection")]
    public IngestionConnection? Connection { get; set; }

    /// <summary>The name of the embedding deployment.</summary>
    [JsonPropertyName("deploymentName")]
    public string? DeploymentName { get; set; }

    /// <summary>The name of the embedding model.</summary>
    [JsonPropertyName("modelName")]
    public string? ModelName { get; set; }
}
