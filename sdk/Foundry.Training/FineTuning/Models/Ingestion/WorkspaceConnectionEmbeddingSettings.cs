using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An embedding model reached through a workspace connection, for user-compute jobs.</summary>
public sealed class WorkspaceConnectionEmbeddingSettings : ExtensibleModel<WorkspaceConnectionEmbeddingSettings>
{
    /// <summary>The id of the workspace connection to the embedding model.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    /// <summary>The name of the embedding deployment.</summary>
    [JsonPropertyName("deploymentName")]
    public string? DeploymentName { get; set; }

    /// <summary>The name of the embedding model.</summary>
    [JsonPropertyName("modelName")]
    public string? ModelName { get; set; }
}
