using System;

namespace Foundry.Training.FineTuning;

/// <summary>One problem <see cref="TrainingFileValidator"/> found in a training file.</summary>
public sealed class TrainingFileProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="lineNumber">The 1-based line number; 0 for a problem with the whole file.</param>
    /// <param name="kind">What is wrong.</param>
    /// <param name="message">A readable description, with the JSON path inside the line where it helps.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lineNumber"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public TrainingFileProblem(long lineNumber, TrainingFileProblemKind kind, string message)
    {
        if (lineNumber < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lineNumber), lineNumber, "Line numbers start at 1 (0 for the whole file).");
        }

        Argument.AssertNotNull(message, nameof(message));
        LineNumber = lineNumber;
        Kind = kind;
        Message = message;
    }

    /// <summary>The 1-based line number; 0 for a problem with the whole file.</summary>
    public long LineNumber { get; }

    /// <summary>What is wrong.</summary>
    public TrainingFileProblemKind Kind { get; }

    /// <summary>A readable description, with the JSON path inside the line where it helps.</summary>
    public string Message { get; }

    /// <summary>The problem as <c>line N: Kind: message</c>.</summary>
    public override string ToString() => $"line {LineNumber}: {Kind}: {Message}";
}
