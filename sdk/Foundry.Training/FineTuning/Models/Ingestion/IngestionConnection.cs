using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// How an ingestion job reaches a resource (<c>BaseConnection</c> in the spec). A polymorphic family on <c>kind</c>:
/// <see cref="EndpointKeyConnection"/>, <see cref="ConnectionStringConnection"/>, <see cref="EndpointManagedIdentityConnection"/>,
/// <see cref="WorkspaceConnection"/>, <see cref="DeploymentConnection"/>, and <see cref="UnknownIngestionConnection"/> for
/// kinds this version of the SDK does not know.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(EndpointKeyConnection), "EndpointWithKey")]
[JsonDerivedType(typeof(ConnectionStringConnection), "ConnectionString")]
[JsonDerivedType(typeof(EndpointManagedIdentityConnection), "EndpointWithManagedIdentity")]
[JsonDerivedType(typeof(WorkspaceConnection), "WorkspaceConnection")]
[JsonDerivedType(typeof(DeploymentConnection), "RelativeConnection")]
[JsonDerivedType(typeof(UnknownIngestionConnection))]
[PersistableModelProxy(typeof(PolymorphicModelReader<IngestionConnection>))]
public abstract class IngestionConnection : ExtensibleModel<IngestionConnection>
{
    /// <summary>The connection type (the <c>kind</c> discriminator); null only for an unknown connection without one.</summary>
    [JsonIgnore]
    public IngestionConnectionType? Kind => KindValue is { } kind ? new IngestionConnectionType(kind) : default(IngestionConnectionType?);

    private protected abstract string? KindValue { get; }
}
