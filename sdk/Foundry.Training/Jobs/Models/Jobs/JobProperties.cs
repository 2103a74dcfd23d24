using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// The properties of a training job, chosen by <c>job_type</c>: <see cref="CommandJob"/>; a job type this version of the
/// SDK does not know is read as <see cref="UnknownJobProperties"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "job_type")]
[JsonDerivedType(typeof(CommandJob), "command")]
[JsonDerivedType(typeof(UnknownJobProperties))]
[PersistableModelProxy(typeof(PolymorphicModelReader<JobProperties>))]
public abstract class JobProperties : ExtensibleModel<JobProperties>
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

    /// <summary>
    /// Checks the rules the service specification states in words, without calling the service, and returns every
    /// problem. Paths are relative to these properties (<c>$</c> is the <c>properties</c> object of the create request).
    /// Properties of a job type this SDK does not know are not checked.
    /// </summary>
    /// <returns>The problems found, if any.</returns>
    public ModelValidationResult Validate()
    {
        var problems = new ValidationCollector();
        CollectProblems(problems, ValidationCollector.Root);
        return problems.ToResult();
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="System.ArgumentException">The properties are not valid; the message lists every problem.</exception>
    public void EnsureValid() => Validate().ThrowIfInvalid(GetType().Name, parameterName: null);

    /// <summary>Throws, naming <paramref name="parameterName"/>, when <see cref="Validate"/> finds a problem.</summary>
    internal void EnsureValid(string parameterName) => Validate().ThrowIfInvalid(GetType().Name, parameterName);

    internal virtual void CollectProblems(ValidationCollector problems, string path)
    {
    }
}
