using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The index a user-compute ingestion job writes (<c>TargetIndex</c> in the spec). A polymorphic family on
/// <c>kind</c>: <see cref="AzureAISearchIndex"/>, <see cref="CosmosDBIndex"/>, <see cref="PineconeIndex"/>, and
/// <see cref="UnknownIngestionTargetIndex"/> for kinds this version of the SDK does not know.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AzureAISearchIndex), "AzureAISearch")]
[JsonDerivedType(typeof(CosmosDBIndex), "CosmosDB")]
[JsonDerivedType(typeof(PineconeIndex), "Pinecone")]
[JsonDerivedType(typeof(UnknownIngestionTargetIndex))]
[PersistableModelProxy(typeof(PolymorphicModelReader<IngestionTargetIndex>))]
public abstract class IngestionTargetIndex : ExtensibleModel<IngestionTargetIndex>
{
    /// <summary>The index type (the <c>kind</c> discriminator); null only for an unknown index without one.</summary>
    [JsonIgnore]
    public IngestionTargetType? Kind => KindValue is { } kind ? new IngestionTargetType(kind) : default(IngestionTargetType?);

    private protected abstract string? KindValue { get; }
}
