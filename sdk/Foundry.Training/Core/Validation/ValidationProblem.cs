namespace Foundry.Training;

/// <summary>One problem a model's <c>Validate()</c> found, with the JSON path of the offending value.</summary>
public sealed class ValidationProblem
{
    /// <summary>Creates a problem (for tests and mocks; the SDK's models create their own).</summary>
    /// <param name="path">The JSONPath of the offending value, relative to the validated model (<c>$</c>).</param>
    /// <param name="message">What is wrong and, where it helps, how to fix it.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="path"/> or <paramref name="message"/> is null.</exception>
    public ValidationProblem(string path, string message)
    {
        Argument.AssertNotNull(path, nameof(path));
        Argument.AssertNotNull(message, nameof(message));
        Path = path;
        Message = message;
    }

    /// <summary>
    /// The JSONPath of the offending value, relative to the validated model, with wire names:
    /// <c>$.training.rollout.gpu_memory_utilization</c>, <c>$.inputs.training_data.uri</c>, <c>$.reward.rewards[0].reward</c>.
    /// </summary>
    public string Path { get; }

    /// <summary>What is wrong and, where it helps, how to fix it.</summary>
    public string Message { get; }

    /// <summary>The path and the message: <c>$.compute_id: Required; must not be empty.</c></summary>
    public override string ToString() => Path + ": " + Message;
}
