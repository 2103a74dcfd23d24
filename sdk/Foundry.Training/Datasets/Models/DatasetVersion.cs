using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>
/// A version of a Foundry dataset, chosen by <c>type</c>: <see cref="FileDatasetVersion"/> (<c>uri_file</c>) or
/// <see cref="FolderDatasetVersion"/> (<c>uri_folder</c>); a type this version of the SDK does not know is read as
/// <see cref="UnknownDatasetVersion"/>. A training job refers to it as <see cref="AssetReference"/>
/// (<c>azureai://datasets/{name}/versions/{version}</c>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FileDatasetVersion), "uri_file")]
[JsonDerivedType(typeof(FolderDatasetVersion), "uri_folder")]
[JsonDerivedType(typeof(UnknownDatasetVersion))]
[PersistableModelProxy(typeof(PolymorphicModelReader<DatasetVersion>))]
public abstract class DatasetVersion : ExtensibleModel<DatasetVersion>
{
    private IDictionary<string, string>? _tags;

    private protected DatasetVersion(string dataUri)
    {
        Argument.AssertNotNull(dataUri, nameof(dataUri));
        DataUri = dataUri;
    }

    private protected DatasetVersion()
    {
        DataUri = null!;
    }

    /// <summary>
    /// The type of data (<c>type</c>); <see langword="null"/> only for an <see cref="UnknownDatasetVersion"/> whose JSON
    /// has no string <c>type</c>.
    /// </summary>
    [JsonIgnore]
    public DatasetType? Type => TypeValue;

    /// <summary>
    /// The URI of the data (<c>dataUri</c>): a blob or a blob folder in the project's storage. Set when the version is
    /// created and read-only afterwards. Never holds a SAS query: the SDK's uploads set it to the plain blob URL.
    /// </summary>
    [JsonPropertyName("dataUri")]
    public string DataUri { get; set; }

    /// <summary>
    /// Whether the dataset only refers to storage it does not manage (the data is not deleted with the version); set by
    /// the service.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("isReference")]
    public bool? IsReference { get; internal set; }

    /// <summary>
    /// The Azure Storage connection name. Required when the version is created without a pending upload
    /// (<c>StartPendingUpload</c>) before it.
    /// </summary>
    [JsonPropertyName("connectionName")]
    public string? ConnectionName { get; set; }

    /// <summary>The asset id; set by the service.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    public string? Id { get; internal set; }

    /// <summary>The dataset name; set by the service (the name is part of the route).</summary>
    [JsonInclude]
    [JsonPropertyName("name")]
    public string? Name { get; internal set; }

    /// <summary>The version; set by the service (the version is part of the route).</summary>
    [JsonInclude]
    [JsonPropertyName("version")]
    public string? Version { get; internal set; }

    /// <summary>The description of the version.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Tags of the version.</summary>
    [JsonIgnore]
    public IDictionary<string, string> Tags => OnDemand.Dictionary(ref _tags);

    /// <summary>
    /// How a training job refers to this version (<c>azureai://datasets/{name}/versions/{version}</c>, for
    /// <c>training.dataset.train</c>, an input's <c>uri</c> or <c>code_id</c>); null until the service has named it.
    /// </summary>
    [JsonIgnore]
    public string? AssetReference => Name is null || Version is null ? null : DatasetReference.Format(Name, Version);

    [JsonInclude]
    [JsonPropertyName("tags")]
    internal IDictionary<string, string>? TagsJson
    {
        get => OnDemand.ForWriting(_tags);
        set => _tags = value;
    }

    private protected abstract DatasetType? TypeValue { get; }
}
