using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A Python callable in the job's code used as a judge (<c>kind</c> <c>function</c>).</summary>
public sealed class TrainingFunctionRewardConfiguration : TrainingRewardConfiguration
{
    /// <summary>Creates a function reward.</summary>
    /// <param name="function">The Python callable that computes reward scores.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="function"/> is null.</exception>
    public TrainingFunctionRewardConfiguration(TrainingEntryPointReference function)
    {
        Argument.AssertNotNull(function, nameof(function));
        Function = function;
    }

    [JsonConstructor]
    internal TrainingFunctionRewardConfiguration()
    {
        Function = null!;
    }

    /// <summary>The Python callable that computes reward scores. Required.</summary>
    [JsonPropertyName("function")]
    public TrainingEntryPointReference Function { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        string functionPath = ValidationCollector.Property(path, "function");
        if (problems.Require(Function, functionPath))
        {
            problems.RequireText(Function.EntryPoint, ValidationCollector.Property(functionPath, "entry_point"));
        }
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Function;
}
