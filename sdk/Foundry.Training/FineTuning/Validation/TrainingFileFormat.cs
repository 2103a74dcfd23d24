namespace Foundry.Training.FineTuning;

/// <summary>The JSONL formats of fine-tuning training files that <see cref="TrainingFileValidator"/> checks and <see cref="TrainingFileAnalyzer"/> counts.</summary>
public enum TrainingFileFormat
{
    /// <summary>Chat examples: <c>{"messages":[{"role":"user","content":"..."},{"role":"assistant","content":"..."}],"tools":[...]}</c>.</summary>
    Chat,

    /// <summary>Legacy completion examples: <c>{"prompt":"...","completion":"..."}</c>.</summary>
    PromptCompletion,

    /// <summary>
    /// Preference (DPO) examples: <c>{"input":{"messages":[...]},"preferred_output":[{"role":"assistant",...}],"non_preferred_output":[{"role":"assistant",...}]}</c>.
    /// </summary>
    Preference,

    /// <summary>
    /// Reinforcement fine-tuning examples: <c>{"messages":[{"role":"developer","content":"..."},{"role":"user","content":"..."}],"tools":[...],"reference_answer":"..."}</c>.
    /// The messages are the prompt the model answers during training (no assistant message is needed); every other
    /// property is data for the graders. Never detected (such a line looks like a chat example): ask for it.
    /// </summary>
    Reinforcement,
}
