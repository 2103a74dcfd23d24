using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The data a user-compute ingestion job reads. A polymorphic family on <c>kind</c>: <see cref="UserComputeDataset"/>,
/// <see cref="UserComputeUrl"/>, and <see cref="UnknownUserComputeDatasource"/> for kinds this version of the SDK does not know.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(UserComputeDataset), "Dataset")]
[JsonDerivedType(typeof(UserComputeUrl), "Urls")]
[JsonDerivedType(typeof(UnknownUserComputeDatasource))]
[PersistableModelProxy(typeof(PolymorphicModelReader<UserComputeDatasource>))]
public abstract class UserComputeDatasource : ExtensibleModel<UserComputeDatasource>
{
    /// <summary>The datasource type (the <c>kind</c> discriminator); null only for an unknown datasource without one.</summary>
    [JsonIgnore]
    public UserComputeDatasourceType? Kind => KindValue is { } kind ? new UserComputeDatasourceType(kind) : default(UserComputeDatasourceType?);

    private protected abstract string? KindValue { get; }
}
