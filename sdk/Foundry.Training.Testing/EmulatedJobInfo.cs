using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>
/// What <see cref="FoundryTrainingEmulatorOptions.FailWhen"/> sees of a job when the emulator creates it, to decide
/// whether the job fails.
/// </summary>
public sealed class EmulatedJobInfo
{
    internal EmulatedJobInfo(EmulatedService service, string id, string? model, string? suffix, IReadOnlyDictionary<string, string> tags)
    {
        Service = service;
        Id = id;
        Model = model;
        Suffix = suffix;
        Tags = tags;
    }

    /// <summary>The service the job was created on.</summary>
    public EmulatedService Service { get; }

    /// <summary>The job's name (Foundry training jobs) or id (fine-tuning and ingestion jobs).</summary>
    public string Id { get; }

    /// <summary>The base model: the recipe's <c>model</c> (Foundry) or the job's <c>model</c> (fine-tuning); null when there is none.</summary>
    public string? Model { get; }

    /// <summary>The fine-tuned model suffix (fine-tuning jobs); null when not set.</summary>
    public string? Suffix { get; }

    /// <summary>The job's tags (Foundry; non-string values as JSON text) or metadata (fine-tuning). Never null.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Whether the job asks to fail by the emulator's convention: tag or metadata <c>emulator.outcome</c> = <c>failed</c>, or suffix <c>fail</c>.</summary>
    internal bool AsksToFail =>
        (Tags.TryGetValue(FoundryTrainingEmulatorOptions.OutcomeTag, out string? outcome) && string.Equals(outcome, "failed", StringComparison.OrdinalIgnoreCase)) ||
        string.Equals(Suffix, "fail", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The scenario the job's <see cref="FoundryTrainingEmulatorOptions.ScenarioTag"/> tag names; null without the tag,
    /// and null with <paramref name="invalid"/> set to the value when it names none.
    /// </summary>
    internal EmulatedJobScenario? TaggedScenario(out string? invalid)
    {
        invalid = null;
        if (!Tags.TryGetValue(FoundryTrainingEmulatorOptions.ScenarioTag, out string? value))
        {
            return null;
        }

        switch (value.ToLowerInvariant())
        {
            case "retry":
                return EmulatedJobScenario.Retry;
            case "preempt":
                return EmulatedJobScenario.Preempt;
            case "fail-then-succeed":
                return EmulatedJobScenario.FailThenSucceed;
            default:
                invalid = value;
                return null;
        }
    }
}
