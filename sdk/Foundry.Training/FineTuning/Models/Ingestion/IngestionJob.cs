using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An Azure OpenAI ingestion job: reads documents, chunks and embeds them, and writes a search index. A polymorphic
/// family on <c>kind</c>: <see cref="SystemComputeIngestionJob"/>, <see cref="UserComputeIngestionJob"/>, and
/// <see cref="UnknownIngestionJob"/> for kinds this version of the SDK does not know.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SystemComputeIngestionJob), "SystemCompute")]
[JsonDerivedType(typeof(UserComputeIngestionJob), "UserCompute")]
[JsonDerivedType(typeof(UnknownIngestionJob))]
[PersistableModelProxy(typeof(PolymorphicModelReader<IngestionJob>))]
public abstract class IngestionJob : ExtensibleModel<IngestionJob>
{
    /// <summary>Where the job runs (the <c>kind</c> discriminator); null only for an unknown job without one.</summary>
    [JsonIgnore]
    public IngestionJobType? Kind => KindValue is { } kind ? new IngestionJobType(kind) : default(IngestionJobType?);

    /// <summary>The job id. The service fills it in from the id the job was created with.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; set; }

    private protected abstract string? KindValue { get; }
}
