using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The compute a user-compute ingestion job runs on (<c>JobCompute</c> in the spec). A polymorphic family on
/// <c>kind</c>: <see cref="ServerlessCompute"/>, <see cref="CustomCompute"/>, and <see cref="UnknownIngestionJobCompute"/>
/// for kinds this version of the SDK does not know.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ServerlessCompute), "ServerlessCompute")]
[JsonDerivedType(typeof(CustomCompute), "CustomCompute")]
[JsonDerivedType(typeof(UnknownIngestionJobCompute))]
[PersistableModelProxy(typeof(PolymorphicModelReader<IngestionJobCompute>))]
public abstract class IngestionJobCompute : ExtensibleModel<IngestionJobCompute>
{
    /// <summary>The compute type (the <c>kind</c> discriminator); null only for an unknown compute without one.</summary>
    [JsonIgnore]
    public IngestionComputeType? Kind => KindValue is { } kind ? new IngestionComputeType(kind) : default(IngestionComputeType?);

    private protected abstract string? KindValue { get; }
}
