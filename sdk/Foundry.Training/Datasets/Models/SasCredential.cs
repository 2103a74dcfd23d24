using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>
/// A shared access signature for a blob container. <see cref="SasUri"/> is a secret: whoever holds it can read and
/// write the container until it expires. The SDK never writes it to a log, an exception message or a dataset's
/// <c>dataUri</c>.
/// </summary>
public sealed class SasCredential : ExtensibleModel<SasCredential>
{
    [JsonConstructor]
    internal SasCredential()
    {
    }

    /// <summary>The container URL with its SAS query (<c>?sv=...&amp;sig=...</c>); set by the service.</summary>
    /// <remarks>A value that is not a valid URI reads as null and is kept in <see cref="ExtensibleModel.AdditionalProperties"/>.</remarks>
    [JsonInclude]
    [JsonPropertyName("sasUri")]
    public Uri? SasUri { get; internal set; }

    /// <summary>The kind of credential (<see cref="PendingUploadCredentialType.Sas"/>).</summary>
    [JsonInclude]
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public PendingUploadCredentialType CredentialType { get; internal set; }
}
