using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The data a system-compute ingestion job reads. A polymorphic family on <c>kind</c>: <see cref="SystemComputeStorage"/>,
/// <see cref="SystemComputeUrl"/>, and <see cref="UnknownSystemComputeDatasource"/> for kinds this version of the SDK does not know.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SystemComputeStorage), "Storage")]
[JsonDerivedType(typeof(SystemComputeUrl), "Urls")]
[JsonDerivedType(typeof(UnknownSystemComputeDatasource))]
[PersistableModelProxy(typeof(PolymorphicModelReader<SystemComputeDatasource>))]
public abstract class SystemComputeDatasource : ExtensibleModel<SystemComputeDatasource>
{
    /// <summary>The datasource type (the <c>kind</c> discriminator); null only for an unknown datasource without one.</summary>
    [JsonIgnore]
    public SystemComputeDatasourceType? Kind => KindValue is { } kind ? new SystemComputeDatasourceType(kind) : default(SystemComputeDatasourceType?);

    private protected abstract string? KindValue { get; }
}
