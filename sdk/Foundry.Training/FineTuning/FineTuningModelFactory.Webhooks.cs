using System;

namespace Foundry.Training.FineTuning;

/// <summary>Builds the read-only fine-tuning models, for tests and mocks.</summary>
public static partial class FineTuningModelFactory
{
    /// <summary>Creates a <see cref="FineTuning.FineTuningJobSucceededEvent"/>, for example to test a webhook handler.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="createdAt">When the job succeeded.</param>
    /// <param name="jobId">The job id (<c>data.id</c>).</param>
    /// <param name="object">The object type; <c>event</c> when null.</param>
    /// <returns>The event.</returns>
    public static FineTuningJobSucceededEvent FineTuningJobSucceededEvent(string? id = null, DateTimeOffset? createdAt = null, string? jobId = null, TypeDiscriminator? @object = null) =>
        Fill(new FineTuningJobSucceededEvent(), id, createdAt, jobId, @object);

    /// <summary>Creates a <see cref="FineTuning.FineTuningJobFailedEvent"/>, for example to test a webhook handler.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="createdAt">When the job failed.</param>
    /// <param name="jobId">The job id (<c>data.id</c>).</param>
    /// <param name="object">The object type; <c>event</c> when null.</param>
    /// <returns>The event.</returns>
    public static FineTuningJobFailedEvent FineTuningJobFailedEvent(string? id = null, DateTimeOffset? createdAt = null, string? jobId = null, TypeDiscriminator? @object = null) =>
        Fill(new FineTuningJobFailedEvent(), id, createdAt, jobId, @object);

    /// <summary>Creates a <see cref="FineTuning.FineTuningJobCancelledEvent"/>, for example to test a webhook handler.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="createdAt">When the job was cancelled.</param>
    /// <param name="jobId">The job id (<c>data.id</c>).</param>
    /// <param name="object">The object type; <c>event</c> when null.</param>
    /// <returns>The event.</returns>
    public static FineTuningJobCancelledEvent FineTuningJobCancelledEvent(string? id = null, DateTimeOffset? createdAt = null, string? jobId = null, TypeDiscriminator? @object = null) =>
        Fill(new FineTuningJobCancelledEvent(), id, createdAt, jobId, @object);

    private static T Fill<T>(T webhookEvent, string? id, DateTimeOffset? createdAt, string? jobId, TypeDiscriminator? @object)
        where T : FineTuningJobWebhookEvent
    {
        webhookEvent.Object = @object ?? TypeDiscriminator.Event;
        webhookEvent.Id = id ?? string.Empty;
        webhookEvent.CreatedAt = createdAt;
        webhookEvent.Data = new FineTuningJobWebhookEventData { Id = jobId ?? string.Empty };
        return webhookEvent;
    }
}
