using System;

namespace Foundry.Training.Testing;

/// <summary>A model in a fine-tuning service's catalog: a base model, or a model a job fine-tuned.</summary>
internal sealed class EmulatedModel
{
    public EmulatedModel(string id, string? baseModel, string? jobId, DateTimeOffset createdAt)
    {
        Id = id;
        BaseModel = baseModel;
        JobId = jobId;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    /// <summary>The model it was fine-tuned from; null for a base model.</summary>
    public string? BaseModel { get; }

    /// <summary>The job that created it; null for a base model.</summary>
    public string? JobId { get; }

    public DateTimeOffset CreatedAt { get; }
}
