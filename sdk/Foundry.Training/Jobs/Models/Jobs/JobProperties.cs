using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// The properties of a training job, chosen by <c>job_type</c>: <see cref="CommandJob"/>; a job type this version of the
/// SDK does not know is read as <see cref="UnknownJobProperties"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "job_type")]
[JsonDerivedType(typeof(CommandJob), "command")]
[JsonDerivedType(typeof(UnknownJobProperties))]
public abstract class JobProperties : ExtensibleModel
{
    private protected JobProperties()
    {
    }

    /// <summary>
    /// The job type (<c>job_type</c>); <see langword="null"/> only for an <see cref="UnknownJobProperties"/> whose JSON
    /// has no string <c>job_type</c>.
    /// </summary>
    [JsonIgnore]
    public JobType? JobType => JobTypeValue;

    private protected abstract JobType? JobTypeValue { get; }
}
