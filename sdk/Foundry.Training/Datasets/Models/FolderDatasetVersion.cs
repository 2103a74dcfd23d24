using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>A dataset version that holds a folder of files (<c>type</c> <c>uri_folder</c>).</summary>
public sealed class FolderDatasetVersion : DatasetVersion, IJsonModel<FolderDatasetVersion>
{
    /// <summary>Creates a version to register data already in storage.</summary>
    /// <param name="dataUri">The URL of the blob folder (container or prefix).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataUri"/> is null.</exception>
    public FolderDatasetVersion(string dataUri)
        : base(dataUri)
    {
    }

    [JsonConstructor]
    internal FolderDatasetVersion()
    {
    }

    private protected override DatasetType? TypeValue => DatasetType.UriFolder;

    void IJsonModel<FolderDatasetVersion>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    FolderDatasetVersion? IJsonModel<FolderDatasetVersion>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<FolderDatasetVersion>(ref reader, options);

    BinaryData IPersistableModel<FolderDatasetVersion>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    FolderDatasetVersion? IPersistableModel<FolderDatasetVersion>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<FolderDatasetVersion>(data, options);

    string IPersistableModel<FolderDatasetVersion>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
