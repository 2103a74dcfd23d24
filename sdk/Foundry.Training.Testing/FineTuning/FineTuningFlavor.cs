using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>What differs between Azure OpenAI (<c>2024-05-01-preview</c>) and the OpenAI platform: ids, names, statuses, error shape.</summary>
internal sealed class FineTuningFlavor
{
    private static readonly string[] s_openAIJobNulls =
    {
        "error", "error.param", "fine_tuned_model", "finished_at", "trained_tokens", "validation_file", "estimated_finish", "integrations", "metadata",
    };

    private FineTuningFlavor(bool isAzure)
    {
        IsAzure = isAzure;
    }

    public static FineTuningFlavor Azure { get; } = new(isAzure: true);

    public static FineTuningFlavor OpenAI { get; } = new(isAzure: false);

    public bool IsAzure { get; }

    public EmulatedService Service => IsAzure ? EmulatedService.AzureOpenAI : EmulatedService.OpenAI;

    /// <summary>Azure OpenAI answers creates with <c>201 Created</c>, OpenAI with <c>200 OK</c>.</summary>
    public int CreatedStatus => IsAzure ? 201 : 200;

    public string OrganizationId => "org-emulator";

    public string NewJobId() => IsAzure ? Ids.Hex("ftjob-") : Ids.Alnum("ftjob-", 24);

    public string NewFileId() => IsAzure ? Ids.Hex("file-") : Ids.Alnum("file-", 22);

    public string NewEventId() => IsAzure ? Ids.Hex("ftevent-") : Ids.Alnum("ftevent-", 24);

    public string NewCheckpointId() => Ids.Alnum("ftckpt_", 24);

    /// <summary>Azure: <c>{base}.ft-{job}[-{suffix}]</c>; OpenAI: <c>ft:{base}:{organization}:{suffix}:{id}</c>.</summary>
    public string FineTunedModelName(string baseModel, string? suffix, string jobId) =>
        IsAzure
            ? baseModel + ".ft-" + jobId.Substring("ftjob-".Length) + (string.IsNullOrEmpty(suffix) ? string.Empty : "-" + suffix)
            : "ft:" + baseModel + ":emulator:" + (suffix ?? string.Empty) + ":" + jobId.Substring("ftjob-".Length, 8).ToLowerInvariant();

    /// <summary>
    /// The job properties written as <c>null</c> when they have no value. OpenAI's <c>FineTuningJob</c> requires
    /// <c>error</c> (and in it <c>param</c>), <c>fine_tuned_model</c>, <c>finished_at</c>, <c>trained_tokens</c> and
    /// <c>validation_file</c> and lets them be null, and allows null for <c>estimated_finish</c>, <c>integrations</c> and <c>metadata</c>, as the
    /// platform sends them; the Azure OpenAI swagger (2024-05-01-preview) has no nullable property, so nothing there.
    /// </summary>
    public IReadOnlyCollection<string> JobNulls => IsAzure ? Array.Empty<string>() : s_openAIJobNulls;

    public string ResultFileName => IsAzure ? "results.csv" : "step_metrics.csv";

    /// <summary>An error in this service's shape.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="azureCode">The Azure OpenAI error code (<c>invalidPayload</c>, <c>notFound</c>, ...).</param>
    /// <param name="openAICode">The OpenAI error code, null for none.</param>
    /// <param name="message">The message.</param>
    /// <param name="param">The offending parameter, if any.</param>
    public ServiceResponse Error(int status, string azureCode, string? openAICode, string message, string? param = null) =>
        IsAzure
            ? ServiceErrors.AzureOpenAI(status, azureCode, message, param)
            : ServiceErrors.OpenAI(status, message, status >= 500 ? "server_error" : "invalid_request_error", param, openAICode);

    public ServiceResponse NotFound(string message) => Error(404, "notFound", null, message);

    public ServiceResponse BadRequest(string message, string? param = null, string? openAICode = null) =>
        Error(400, "invalidPayload", openAICode, message, param);

    public override string ToString() => IsAzure ? "Azure OpenAI" : "OpenAI";

    /// <summary>Whether a string is a non-empty value, for required fields.</summary>
    public static bool IsMissing(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Whole milliseconds, for <c>retry-after-ms</c>.</summary>
    public static string Milliseconds(TimeSpan delay) => ((long)Math.Ceiling(delay.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
