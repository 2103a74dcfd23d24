using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A connection defined in an Azure Machine Learning workspace (<c>kind</c> <c>WorkspaceConnection</c>).</summary>
public sealed class WorkspaceConnection : IngestionConnection
{
    /// <summary>The id of the workspace connection. Required by the service.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    private protected override string KindValue => "WorkspaceConnection";
}
