using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// Distribution configuration of a job, chosen by <c>distribution_type</c>: <see cref="PyTorchDistribution"/>,
/// <see cref="MpiDistribution"/>, <see cref="TensorFlowDistribution"/> or <see cref="RayDistribution"/>; a type this
/// version of the SDK does not know is read as <see cref="UnknownDistributionConfiguration"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "distribution_type")]
[JsonDerivedType(typeof(PyTorchDistribution), "pytorch")]
[JsonDerivedType(typeof(MpiDistribution), "mpi")]
[JsonDerivedType(typeof(TensorFlowDistribution), "tensorflow")]
[JsonDerivedType(typeof(RayDistribution), "ray")]
[JsonDerivedType(typeof(UnknownDistributionConfiguration))]
[PersistableModelProxy(typeof(PolymorphicModelReader<DistributionConfiguration>))]
public abstract class DistributionConfiguration : ExtensibleModel<DistributionConfiguration>
{
    private protected DistributionConfiguration()
    {
    }

    /// <summary>
    /// The type of distribution framework (<c>distribution_type</c>); <see langword="null"/> only for an
    /// <see cref="UnknownDistributionConfiguration"/> whose JSON has no string <c>distribution_type</c>.
    /// </summary>
    [JsonIgnore]
    public string? DistributionType => DistributionTypeValue;

    private protected abstract string? DistributionTypeValue { get; }
}
