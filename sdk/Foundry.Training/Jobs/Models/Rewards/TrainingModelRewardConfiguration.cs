using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A learned reward model used as a judge (<c>kind</c> <c>model</c>).</summary>
public sealed class TrainingModelRewardConfiguration : TrainingRewardConfiguration
{
    /// <summary>Creates a model reward.</summary>
    /// <param name="model">The reward model asset reference used to compute scores.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> is null.</exception>
    public TrainingModelRewardConfiguration(string model)
    {
        Argument.AssertNotNull(model, nameof(model));
        Model = model;
    }

    [JsonConstructor]
    internal TrainingModelRewardConfiguration()
    {
        Model = null!;
    }

    /// <summary>The reward model asset reference used to compute scores. Required.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        problems.RequireText(Model, ValidationCollector.Property(path, "model"));
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Model;
}
