using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A deployment of the Azure OpenAI resource that runs the job (<c>kind</c> <c>RelativeConnection</c>), for example the
/// embedding deployment named by <see cref="ConnectionEmbeddingSettings.DeploymentName"/>.
/// </summary>
public sealed class DeploymentConnection : IngestionConnection, IJsonModel<DeploymentConnection>
{
    private protected override string KindValue => "RelativeConnection";

    void IJsonModel<DeploymentConnection>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    DeploymentConnection? IJsonModel<DeploymentConnection>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<DeploymentConnection>(ref reader, options);

    BinaryData IPersistableModel<DeploymentConnection>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    DeploymentConnection? IPersistableModel<DeploymentConnection>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<DeploymentConnection>(data, options);

    string IPersistableModel<DeploymentConnection>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
