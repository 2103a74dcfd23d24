namespace Foundry.Training.FineTuning;

/// <summary>The JSONL formats of fine-tuning training files that <see cref="TrainingFileValidator"/> checks.</summary>
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
}
