namespace Foundry.Training;

/// <summary>
/// Names of the SDK's distributed tracing: every public client operation starts an <see cref="System.Diagnostics.Activity"/>
/// on the <see cref="ActivitySourceName"/> source (for example <c>TrainingJobsClient.Get</c>, one per page for lists),
/// parent of Azure.Core's HTTP spans. Subscribe with OpenTelemetry's <c>AddSource(FoundryTrainingTelemetry.ActivitySourceName)</c>
/// or an <see cref="System.Diagnostics.ActivityListener"/>. Logs go through Azure.Core's <c>Azure-Core</c> event source
/// (<c>AzureEventSourceListener</c>), with credentials and SAS signatures redacted, and the SDK's own
/// <c>Foundry-Training</c> event source (warnings about service data it had to skip, such as a metric without a name).
/// </summary>
public static class FoundryTrainingTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: <c>Foundry.Training</c>.</summary>
    public const string ActivitySourceName = "Foundry.Training";

    /// <summary>Span tag holding the Foundry training job name the operation is about.</summary>
    public const string JobNameTag = "foundry.training.job.name";

    /// <summary>Span tag holding the id of the resource the operation is about (a fine-tuning job, file, model or operation id).</summary>
    public const string IdTag = "foundry.training.id";

    /// <summary>Span tag holding the status of the resource the operation returned (a job state, an operation status).</summary>
    public const string StatusTag = "foundry.training.status";

    /// <summary>Span tag holding the full name of the exception type of a failed operation (the span status is then <c>Error</c>).</summary>
    public const string ErrorTypeTag = "error.type";
}
