using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Training.FineTuning;

/// <summary>Builds the read-only fine-tuning models, for tests and mocks.</summary>
public static partial class FineTuningModelFactory
{
    /// <summary>Builds a <see cref="FineTuning.TrainingFileValidationResult"/>, for example to mock <see cref="TrainingFileValidator"/>.</summary>
    /// <param name="format">The format the file was checked against.</param>
    /// <param name="lineCount">How many lines were read.</param>
    /// <param name="exampleCount">How many lines hold an example.</param>
    /// <param name="validExampleCount">How many examples have no problem.</param>
    /// <param name="problems">The problems found.</param>
    /// <param name="problemCount">How many problems were found; the number of <paramref name="problems"/> when null.</param>
    /// <param name="isComplete">Whether the whole file was read.</param>
    /// <returns>The result.</returns>
    public static TrainingFileValidationResult TrainingFileValidationResult(
        TrainingFileFormat? format = null,
        long lineCount = 0,
        long exampleCount = 0,
        long validExampleCount = 0,
        IEnumerable<TrainingFileProblem>? problems = null,
        long? problemCount = null,
        bool isComplete = true)
    {
        IReadOnlyList<TrainingFileProblem> list = problems?.ToList() ?? (IReadOnlyList<TrainingFileProblem>)Array.Empty<TrainingFileProblem>();
        return new TrainingFileValidationResult(format, lineCount, exampleCount, validExampleCount, problemCount ?? list.Count, list, isComplete);
    }
}
