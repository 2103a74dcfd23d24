using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The fine-tuning method (OpenAI platform): <see cref="Type"/> names it and the property of the same name configures
/// it, for example <c>{"type": "dpo", "dpo": {"hyperparameters": {"beta": 0.1}}}</c>. Create one with
/// <see cref="CreateSupervised"/>, <see cref="CreateDpo"/> or <see cref="CreateReinforcement"/>.
/// </summary>
public class FineTuningMethod : ExtensibleModel<FineTuningMethod>
{
    /// <summary>The method. Required. (<c>type</c>)</summary>
    [JsonPropertyName("type")]
    public FineTuningMethodType? Type { get; set; }

    /// <summary>Supervised fine-tuning settings, when <see cref="Type"/> is <c>supervised</c>. (<c>supervised</c>)</summary>
    [JsonPropertyName("supervised")]
    public SupervisedMethod? Supervised { get; set; }

    /// <summary>DPO settings, when <see cref="Type"/> is <c>dpo</c>. (<c>dpo</c>)</summary>
    [JsonPropertyName("dpo")]
    public DpoMethod? Dpo { get; set; }

    /// <summary>Reinforcement fine-tuning settings, when <see cref="Type"/> is <c>reinforcement</c>. (<c>reinforcement</c>)</summary>
    [JsonPropertyName("reinforcement")]
    public ReinforcementMethod? Reinforcement { get; set; }

    /// <summary>Supervised fine-tuning on chat or completion examples.</summary>
    /// <param name="hyperparameters">The hyperparameters; the service chooses them when null.</param>
    /// <returns>The method.</returns>
    public static FineTuningMethod CreateSupervised(FineTuningHyperparameters? hyperparameters = null) =>
        new() { Type = FineTuningMethodType.Supervised, Supervised = new SupervisedMethod { Hyperparameters = hyperparameters } };

    /// <summary>Direct preference optimization on preference pairs.</summary>
    /// <param name="hyperparameters">The hyperparameters; the service chooses them when null.</param>
    /// <returns>The method.</returns>
    public static FineTuningMethod CreateDpo(DpoHyperparameters? hyperparameters = null) =>
        new() { Type = FineTuningMethodType.Dpo, Dpo = new DpoMethod { Hyperparameters = hyperparameters } };

    /// <summary>Reinforcement fine-tuning, scored by a grader.</summary>
    /// <param name="grader">The grader that scores the model's answers.</param>
    /// <param name="hyperparameters">The hyperparameters; the service chooses them when null.</param>
    /// <returns>The method.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="grader"/> is null.</exception>
    public static FineTuningMethod CreateReinforcement(FineTuningGrader grader, ReinforcementHyperparameters? hyperparameters = null)
    {
        Argument.AssertNotNull(grader, nameof(grader));
        return new() { Type = FineTuningMethodType.Reinforcement, Reinforcement = new ReinforcementMethod { Grader = grader, Hyperparameters = hyperparameters } };
    }
}
