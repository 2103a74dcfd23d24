using System;
using System.Collections.Generic;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The rules the specs state in words for a job creation request, checked before it is sent when
/// <see cref="FineTuningClientOptions.ValidateRequests"/> is on. The service stays the judge of everything else.
/// </summary>
internal static class FineTuningRequestValidation
{
    private const int AzureSuffixMaxLength = 40;
    private const int OpenAISuffixMaxLength = 64;
    private const int MetadataMaxPairs = 16;
    private const int MetadataKeyMaxLength = 64;
    private const int MetadataValueMaxLength = 512;

    /// <summary>Every problem of <paramref name="options"/>, each prefixed with its JSON path.</summary>
    public static List<string> Validate(FineTuningJobCreateOptions options, bool openAI)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(options.Model))
        {
            problems.Add("model: is required.");
        }

        if (string.IsNullOrEmpty(options.TrainingFile))
        {
            problems.Add("training_file: is required.");
        }

        ValidateSuffix(options.Suffix, openAI, problems);
        ValidateMethod(options.Method, problems);
        ValidateMetadata(options.Metadata, problems);
        for (int i = 0; i < options.Integrations.Count; i++)
        {
            FineTuningIntegration integration = options.Integrations[i];
            if (integration is null || integration.Type is null)
            {
                problems.Add($"integrations[{i}].type: is required.");
            }
            else if (integration.Type == FineTuningIntegrationType.Wandb && string.IsNullOrEmpty(integration.Wandb?.Project))
            {
                problems.Add($"integrations[{i}].wandb.project: is required.");
            }
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="ArgumentException">The options break a rule of the spec; the message lists every problem.</exception>
    public static void ThrowIfInvalid(FineTuningJobCreateOptions options, bool openAI, string parameterName)
    {
        List<string> problems = Validate(options, openAI);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The fine-tuning job request is invalid: " + string.Join(" ", problems) +
                " (Set FineTuningClientOptions.ValidateRequests to false to let the service judge.)",
                parameterName);
        }
    }

    private static void ValidateSuffix(string? suffix, bool openAI, List<string> problems)
    {
        if (suffix is null)
        {
            return;
        }

        if (openAI)
        {
            if (suffix.Length is 0 or > OpenAISuffixMaxLength)
            {
                problems.Add($"suffix: must be 1 to {OpenAISuffixMaxLength} characters long on the OpenAI platform but has {suffix.Length}.");
            }

            return;
        }

        if (suffix.Length > AzureSuffixMaxLength)
        {
            problems.Add($"suffix: must be at most {AzureSuffixMaxLength} characters long on Azure OpenAI but has {suffix.Length}.");
        }

        foreach (char c in suffix)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
            {
                problems.Add($"suffix: may only contain a-z, A-Z, 0-9, '-' and '_' on Azure OpenAI but contains '{c}'.");
                break;
            }
        }
    }

    private static void ValidateMethod(FineTuningMethod? method, List<string> problems)
    {
        if (method is null)
        {
            return;
        }

        if (method.Type is null)
        {
            problems.Add("method.type: is required.");
        }
        else if (method.Type == FineTuningMethodType.Reinforcement && method.Reinforcement?.Grader is null)
        {
            problems.Add("method.reinforcement.grader: is required for reinforcement fine-tuning.");
        }
    }

    private static void ValidateMetadata(IDictionary<string, string> metadata, List<string> problems)
    {
        if (metadata.Count > MetadataMaxPairs)
        {
            problems.Add($"metadata: may hold at most {MetadataMaxPairs} pairs but has {metadata.Count}.");
        }

        foreach (KeyValuePair<string, string> pair in metadata)
        {
            if (pair.Key.Length > MetadataKeyMaxLength)
            {
                problems.Add($"metadata: the key '{pair.Key}' is longer than {MetadataKeyMaxLength} characters.");
            }

            if (pair.Value is null)
            {
                problems.Add($"metadata.{pair.Key}: must not be null.");
            }
            else if (pair.Value.Length > MetadataValueMaxLength)
            {
                problems.Add($"metadata.{pair.Key}: the value is longer than {MetadataValueMaxLength} characters.");
            }
        }
    }
}
