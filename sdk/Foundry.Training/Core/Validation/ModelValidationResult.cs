using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Training;

/// <summary>
/// The outcome of a model's <c>Validate()</c>: every problem found, not just the first. Validation covers the rules the
/// service specification states in words; the service stays the judge of anything else.
/// </summary>
public sealed class ModelValidationResult
{
    /// <summary>Creates a result (for tests and mocks; the SDK's models create their own).</summary>
    /// <param name="problems">The problems found; none means valid.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or one of its items is null.</exception>
    public ModelValidationResult(IEnumerable<ValidationProblem> problems)
    {
        Argument.AssertNotNull(problems, nameof(problems));
        ValidationProblem[] list = problems.ToArray();
        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentNullException(nameof(problems), "The problems must not contain null.");
        }

        Problems = list;
    }

    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The problems found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>One problem per line, or <c>Valid.</c></summary>
    public override string ToString() => IsValid ? "Valid." : string.Join(Environment.NewLine, Problems);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    /// <param name="modelName">The validated model, for the message.</param>
    /// <param name="parameterName">The parameter that carried the model, if any.</param>
    internal void ThrowIfInvalid(string modelName, string? parameterName)
    {
        if (!IsValid)
        {
            string message = $"The {modelName} is not valid ({Problems.Count} problem{(Problems.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}{this}";
            throw new ArgumentException(message, parameterName);
        }
    }
}
