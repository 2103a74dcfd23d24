using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>A credential to read a dataset version's data in the project's storage (<c>AssetCredentialResponse</c>).</summary>
public sealed class DatasetCredential : ExtensibleModel<DatasetCredential>
{
    [JsonConstructor]
    internal DatasetCredential()
    {
        BlobReference = null!;
    }

    /// <summary>Where the data is, with a SAS to read it. Required.</summary>
    [JsonInclude]
    [JsonPropertyName("blobReference")]
    public BlobReference BlobReference { get; internal set; }
}
