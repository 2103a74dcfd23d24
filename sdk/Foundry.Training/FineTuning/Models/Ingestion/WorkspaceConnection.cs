using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A connection defined in an Azure Machine Learning workspace (<c>kind</c> <c>WorkspaceConnection</c>).</summary>
public sealed class WorkspaceConnection : IngestionConnection, IJsonModel<WorkspaceConnection>
{
    /// <summary>The id of the workspace connection. Required by the service.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    private protected override string KindValue => "WorkspaceConnection";

    void IJsonModel<WorkspaceConnection>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    WorkspaceConnection? IJsonModel<WorkspaceConnection>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<WorkspaceConnection>(ref reader, options);

    BinaryData IPersistableModel<WorkspaceConnection>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    WorkspaceConnection? IPersistableModel<WorkspaceConnection>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<WorkspaceConnection>(data, options);

    string IPersistableModel<WorkspaceConnection>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
