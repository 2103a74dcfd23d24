namespace Foundry.Training.FineTuning;

/// <summary>What is wrong with a line of a training file.</summary>
public enum TrainingFileProblemKind
{
    /// <summary>The line is empty or only whitespace; every line must hold one example.</summary>
    EmptyLine,

    /// <summary>The line is longer than <see cref="TrainingFileValidationOptions.MaxLineBytes"/>; it was skipped, not read.</summary>
    LineTooLong,

    /// <summary>The line is not valid UTF-8.</summary>
    InvalidEncoding,

    /// <summary>The line is not valid JSON (or holds more than one JSON value).</summary>
    InvalidJson,

    /// <summary>The line is valid JSON but not a JSON object.</summary>
    NotAnObject,

    /// <summary>The format is not known yet and the line has none of the properties that identify one.</summary>
    UnrecognizedFormat,

    /// <summary>The line is an example of another format than the file's.</summary>
    MixedFormat,

    /// <summary>The file has no examples at all (reported with line number 0).</summary>
    NoExamples,

    /// <summary>A chat, preference or reinforcement example has no <c>messages</c>.</summary>
    MissingMessages,

    /// <summary>A <c>messages</c> array is not an array, is empty, or holds something that is not a message object.</summary>
    InvalidMessages,

    /// <summary>A message has no <c>role</c>.</summary>
    MissingRole,

    /// <summary>
    /// A message's <c>role</c> is not one of <c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c>, <c>function</c>
    /// (and <c>developer</c> in reinforcement examples).
    /// </summary>
    UnknownRole,

    /// <summary>A message has no content, or empty content (an assistant message may have tool or function calls instead).</summary>
    MissingContent,

    /// <summary>A message's <c>content</c> is neither a string nor an array of content parts.</summary>
    InvalidContent,

    /// <summary>A chat example has no <c>assistant</c> message to learn from.</summary>
    NoAssistantMessage,

    /// <summary>An example's <c>tools</c> is not an array.</summary>
    InvalidTools,

    /// <summary>A completion example has no <c>prompt</c> string.</summary>
    MissingPrompt,

    /// <summary>A completion example has no <c>completion</c> string, or an empty one.</summary>
    MissingCompletion,

    /// <summary>A preference example has no <c>input</c> object.</summary>
    MissingInput,

    /// <summary>A preference example has no <c>preferred_output</c> assistant message.</summary>
    MissingPreferredOutput,

    /// <summary>A preference example has no <c>non_preferred_output</c> assistant message.</summary>
    MissingNonPreferredOutput,
}
