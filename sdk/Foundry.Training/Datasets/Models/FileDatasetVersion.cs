using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>A dataset version that holds one file (<c>type</c> <c>uri_file</c>).</summary>
public sealed class FileDatasetVersion : DatasetVersion, IJsonModel<FileDatasetVersion>
{
    /// <summary>Creates a version to register data already in storage.</summary>
    /// <param name="dataUri">The URL of the blob.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataUri"/> is null.</exception>
    public FileDatasetVersion(string dataUri)
        : base(dataUri)
    {
    }

    [JsonConstructor]
    internal FileDatasetVersion()
    {
    }

    private protected override DatasetType? TypeValue => DatasetType.UriFile;

    void IJsonModel<FileDatasetVersion>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    FileDatasetVersion? IJsonModel<FileDatasetVersion>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<FileDatasetVersion>(ref reader, options);

    BinaryData IPersistableModel<FileDatasetVersion>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    FileDatasetVersion? IPersistableModel<FileDatasetVersion>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<FileDatasetVersion>(data, options);

    string IPersistableModel<FileDatasetVersion>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
