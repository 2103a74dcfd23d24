using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A resource reached with a connection string (<c>kind</c> <c>ConnectionString</c>).</summary>
public sealed class ConnectionStringConnection : IngestionConnection, IJsonModel<ConnectionStringConnection>
{
    /// <summary>The connection string: usually a secret, never logged by the SDK. Required by the service.</summary>
    [JsonPropertyName("connectionString")]
    public string? ConnectionString { get; set; }

    private protected override string KindValue => "ConnectionString";

    void IJsonModel<ConnectionStringConnection>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    ConnectionStringConnection? IJsonModel<ConnectionStringConnection>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<ConnectionStringConnection>(ref reader, options);

    BinaryData IPersistableModel<ConnectionStringConnection>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    ConnectionStringConnection? IPersistableModel<ConnectionStringConnection>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<ConnectionStringConnection>(data, options);

    string IPersistableModel<ConnectionStringConnection>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
