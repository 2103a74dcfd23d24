using System;
using Azure;

namespace Foundry.Training.Jobs;

/// <summary>
/// Reads the answers of the operation routes into a <see cref="JobOperationResource"/>: a body when there is one,
/// otherwise the HTTP status speaks (202 = in progress, 200/201/204 without a body = succeeded).
/// </summary>
internal static class JobOperationResponses
{
    private static readonly JobOperationStatus s_cancelled = new("cancelled");

    public static JobOperationResource Read(ServicePipeline pipeline, Response response, string? operationId)
    {
        if (response.Status != 202 && response.Status != 204 && !IsEmpty(response))
        {
            return pipeline.Read(response, ModelSerialization.GetTypeInfo<JobOperationResource>());
        }

        return new JobOperationResource
        {
            Name = operationId,
            Status = response.Status == 202 ? JobOperationStatus.InProgress : JobOperationStatus.Succeeded,
        };
    }

    /// <summary>The operation id in a polling URL: the segment after <c>operations/</c>, else the last segment.</summary>
    public static string IdFromPollingUri(Uri uri)
    {
        string[] segments = uri.AbsolutePath.Trim('/').Split('/');
        int index = Array.IndexOf(segments, "operations");
        string id = index >= 0 && index + 1 < segments.Length ? segments[index + 1] : segments[segments.Length - 1];
        return Uri.UnescapeDataString(id);
    }

    /// <summary>Whether the operation is over: succeeded, failed or canceled (also spelled <c>cancelled</c>), in any letter case.</summary>
    public static bool IsTerminal(JobOperationStatus status) =>
        IsSucceeded(status) || status.Matches(JobOperationStatus.Failed) || status.Matches(JobOperationStatus.Canceled) || status.Matches(s_cancelled);

    /// <summary>Whether the operation succeeded, in any letter case.</summary>
    public static bool IsSucceeded(JobOperationStatus status) => status.Matches(JobOperationStatus.Succeeded);

    private static bool IsEmpty(Response response)
    {
        ReadOnlySpan<byte> body = response.Content.ToMemory().Span;
        foreach (byte b in body)
        {
            if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }
}
