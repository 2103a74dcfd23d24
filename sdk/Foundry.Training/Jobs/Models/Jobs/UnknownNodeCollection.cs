using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A node collection whose <c>nodes_value_type</c> this version of the SDK does not know (or that has none). Its
/// discriminator and every property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownNodeCollection : NodeCollection
{
    [JsonConstructor]
    internal UnknownNodeCollection()
    {
    }

    private protected override string? NodesValueTypeValue => UnknownDiscriminator.Read(AdditionalProperties, "nodes_value_type");
}
