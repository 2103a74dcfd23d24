using System.Collections.Generic;

namespace Foundry.Training.FineTuning;

/// <summary>What <see cref="TrainingFileValidator"/> found in a training file.</summary>
public sealed class TrainingFileValidationResult
{
    internal TrainingFileValidationResult(
        TrainingFileFormat? format,
        long lineCount,
        long exampleCount,
        long validExampleCount,
        long problemCount,
        IReadOnlyList<TrainingFileProblem> problems,
        bool isComplete)
    {
        Format = format;
        LineCount = lineCount;
        ExampleCount = exampleCount;
        ValidExampleCount = validExampleCount;
        ProblemCount = problemCount;
        Problems = problems;
        IsComplete = isComplete;
    }

    /// <summary>Whether the file can be uploaded as it is: it has examples and no problems were found.</summary>
    public bool IsValid => ProblemCount == 0;

    /// <summary>The format the file was checked against: the one asked for, or the one detected; null when none could be detected.</summary>
    public TrainingFileFormat? Format { get; }

    /// <summary>How many lines were read (a final line break does not start another line).</summary>
    public long LineCount { get; }

    /// <summary>How many lines hold an example, valid or not (every line that is not empty).</summary>
    public long ExampleCount { get; }

    /// <summary>How many examples have no problem.</summary>
    public long ValidExampleCount { get; }

    /// <summary>How many problems were found, including those beyond <see cref="TrainingFileValidationOptions.MaxProblems"/>.</summary>
    public long ProblemCount { get; }

    /// <summary>The problems found, in file order, at most <see cref="TrainingFileValidationOptions.MaxProblems"/> of them.</summary>
    public IReadOnlyList<TrainingFileProblem> Problems { get; }

    /// <summary>
    /// Whether the whole file was read; <see langword="false"/> when validation stopped at
    /// <see cref="TrainingFileValidationOptions.MaxProblems"/> (see <see cref="TrainingFileValidationOptions.StopAtMaxProblems"/>).
    /// </summary>
    public bool IsComplete { get; }
}
