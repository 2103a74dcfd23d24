using System;
using System.Diagnostics;

namespace Foundry.Training;

/// <summary>
/// One span per public client operation on the <c>Foundry.Training</c> <see cref="ActivitySource"/>, parent of
/// Azure.Core's HTTP spans, tagged as <see cref="FoundryTrainingTelemetry"/> documents.
/// </summary>
internal readonly struct OperationScope : IDisposable
{
    internal static readonly ActivitySource Source = new(FoundryTrainingTelemetry.ActivitySourceName, typeof(OperationScope).Assembly.GetName().Version?.ToString());

    private readonly Activity? _activity;

    private OperationScope(Activity? activity) => _activity = activity;

    /// <summary>Starts the span for <paramref name="operationName"/> (for example <c>TrainingJobsClient.Get</c>) when someone listens.</summary>
    public static OperationScope Start(string operationName, string? jobName = null, string? id = null)
    {
        Activity? activity = Source.StartActivity(operationName, ActivityKind.Internal);
        if (activity is not null)
        {
            if (jobName is not null)
            {
                activity.SetTag(FoundryTrainingTelemetry.JobNameTag, jobName);
            }

            if (id is not null)
            {
                activity.SetTag(FoundryTrainingTelemetry.IdTag, id);
            }
        }

        return new OperationScope(activity);
    }

    /// <summary>Records the status of the resource the operation returned (a job state, an operation status).</summary>
    public void SetStatus(string? status)
    {
        if (status is not null)
        {
            _activity?.SetTag(FoundryTrainingTelemetry.StatusTag, status);
        }
    }

    /// <summary>Records an id learned during the operation (for example the id of a created job).</summary>
    public void SetId(string? id)
    {
        if (id is not null)
        {
            _activity?.SetTag(FoundryTrainingTelemetry.IdTag, id);
        }
    }

    /// <summary>Marks the span failed; call from a <c>catch</c> before rethrowing.</summary>
    public void Failed(Exception exception)
    {
        if (_activity is null)
        {
            return;
        }

        _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        _activity.SetTag(FoundryTrainingTelemetry.ErrorTypeTag, exception.GetType().FullName);
    }

    public void Dispose() => _activity?.Dispose();
}
