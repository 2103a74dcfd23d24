using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// The nodes a job service runs on, chosen by <c>nodes_value_type</c>: <see cref="AllNodes"/>; a value this version
/// of the SDK does not know is read as <see cref="UnknownNodeCollection"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "nodes_value_type")]
[JsonDerivedType(typeof(AllNodes), "all")]
[JsonDerivedType(typeof(UnknownNodeCollection))]
[PersistableModelProxy(typeof(PolymorphicModelReader<NodeCollection>))]
public abstract class NodeCollection : ExtensibleModel<NodeCollection>
{
    private protected NodeCollection()
    {
    }

    /// <summary>
    /// The type of the nodes value (<c>nodes_value_type</c>); <see langword="null"/> only for an
    /// <see cref="UnknownNodeCollection"/> whose JSON has no string <c>nodes_value_type</c>.
    /// </summary>
    [JsonIgnore]
    public string? NodesValueType => NodesValueTypeValue;

    private protected abstract string? NodesValueTypeValue { get; }
}
