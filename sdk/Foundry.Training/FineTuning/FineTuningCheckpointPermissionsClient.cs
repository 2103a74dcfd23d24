using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Shares fine-tuned model checkpoints with other projects of the organization (OpenAI platform; the service requires
/// an admin API key): list, create and delete the permissions of a checkpoint. Obtain it from
/// <see cref="FineTuningClient.GetCheckpointPermissionsClient"/>.
/// </summary>
public class FineTuningCheckpointPermissionsClient : IFineTuningCheckpointPermissionsClient
{
    private readonly ServicePipeline _pipeline = null!;

    /// <summary>For mocking.</summary>
    protected FineTuningCheckpointPermissionsClient()
    {
    }

    internal FineTuningCheckpointPermissionsClient(ServicePipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <summary>Lists the permissions of a checkpoint (<c>GET /fine_tuning/checkpoints/{checkpoint}/permissions</c>), page by page with the <c>after</c> cursor.</summary>
    /// <param name="checkpoint">The fine-tuned model checkpoint, for example <c>ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd</c>.</param>
    /// <param name="options">A project filter, the order and paging.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The permissions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="checkpoint"/> cannot be a path segment.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page size is less than 1.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no checkpoint permissions.</exception>
    public virtual AsyncPageable<FineTuningCheckpointPermission> GetPermissionsAsync(string checkpoint, FineTuningCheckpointPermissionListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetPermissions, PermissionsFetcher(checkpoint, options), null, cancellationToken);

    /// <inheritdoc cref="GetPermissionsAsync"/>
    public virtual Pageable<FineTuningCheckpointPermission> GetPermissions(string checkpoint, FineTuningCheckpointPermissionListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetPermissions, PermissionsFetcher(checkpoint, options), null, cancellationToken);

    /// <summary>Shares a checkpoint with projects (<c>POST /fine_tuning/checkpoints/{checkpoint}/permissions</c>).</summary>
    /// <param name="checkpoint">The fine-tuned model checkpoint.</param>
    /// <param name="projectIds">The projects to share it with.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The permissions created.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> or <paramref name="projectIds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="checkpoint"/> cannot be a path segment, or <paramref name="projectIds"/> is empty or holds a null or empty id.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no checkpoint permissions.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<IReadOnlyList<FineTuningCheckpointPermission>>> CreatePermissionsAsync(string checkpoint, IEnumerable<string> projectIds, CancellationToken cancellationToken = default) =>
        CreatePermissionsCoreAsync(checkpoint, projectIds, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CreatePermissionsAsync"/>
    public virtual Response<IReadOnlyList<FineTuningCheckpointPermission>> CreatePermissions(string checkpoint, IEnumerable<string> projectIds, CancellationToken cancellationToken = default) =>
        CreatePermissionsCoreAsync(checkpoint, projectIds, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Stops sharing a checkpoint with a project (<c>DELETE /fine_tuning/checkpoints/{checkpoint}/permissions/{permission_id}</c>).</summary>
    /// <param name="checkpoint">The fine-tuned model checkpoint.</param>
    /// <param name="permissionId">The permission id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deletion result (<c>checkpoint.permission</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> or <paramref name="permissionId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="checkpoint"/> or <paramref name="permissionId"/> cannot be a path segment.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no checkpoint permissions.</exception>
    /// <exception cref="RequestFailedException">The service failed the request, for example 404 for an unknown permission.</exception>
    public virtual Task<Response<FineTuningDeletionResult>> DeletePermissionAsync(string checkpoint, string permissionId, CancellationToken cancellationToken = default) =>
        DeletePermissionCoreAsync(checkpoint, permissionId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DeletePermissionAsync"/>
    public virtual Response<FineTuningDeletionResult> DeletePermission(string checkpoint, string permissionId, CancellationToken cancellationToken = default) =>
        DeletePermissionCoreAsync(checkpoint, permissionId, async: false, cancellationToken).EnsureCompleted();

    private PageFetcher<FineTuningCheckpointPermission> PermissionsFetcher(string checkpoint, FineTuningCheckpointPermissionListOptions? options)
    {
        string path = FineTuningOperations.GetPermissions.Path(checkpoint);
        ListPaging.AssertLimit(options?.Limit, "options.Limit");
        AssertAvailable(FineTuningOperations.GetPermissions);
        string? projectId = options?.ProjectId;
        string? order = options?.Order;
        string? start = options?.After;
        int? limit = options?.Limit;
        return ListPaging.Cursor(
            _pipeline,
            (after, pageSizeHint) =>
            {
                HttpMessage message = _pipeline.CreateRequest(FineTuningOperations.GetPermissions, path);
                if (projectId is not null)
                {
                    message.Request.Uri.AppendQuery("project_id", projectId);
                }

                if (order is not null)
                {
                    message.Request.Uri.AppendQuery("order", order);
                }

                ListPaging.AppendCursor(message, after ?? start, pageSizeHint ?? limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<FineTuningCheckpointPermission>(_pipeline.Json),
            permission => permission.Id);
    }

    private ValueTask<Response<IReadOnlyList<FineTuningCheckpointPermission>>> CreatePermissionsCoreAsync(string checkpoint, IEnumerable<string> projectIds, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.CreatePermissions.Path(checkpoint);
        Argument.AssertNotNull(projectIds, nameof(projectIds));
        List<string> ids = projectIds.ToList();
        if (ids.Count == 0 || ids.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one project id, none of them null or empty.", nameof(projectIds));
        }

        AssertAvailable(FineTuningOperations.CreatePermissions);
        return _pipeline.CallAsync(
            FineTuningOperations.CreatePermissions,
            path,
            message =>
            {
                JsonRequestBody.Set(message, writer =>
                {
                    writer.WriteStartArray("project_ids");
                    foreach (string id in ids)
                    {
                        writer.WriteStringValue(id);
                    }

                    writer.WriteEndArray();
                });
                RetrySafety.MarkSafe(message); // sharing with a project that already has it changes nothing
            },
            (message, _) => Response.FromValue(_pipeline.ReadPage(message.Response, ModelSerialization.GetTypeInfo<FineTuningCheckpointPermission>(_pipeline.Json)).Items, message.Response),
            null,
            checkpoint,
            async,
            cancellationToken);
    }

    private ValueTask<Response<FineTuningDeletionResult>> DeletePermissionCoreAsync(string checkpoint, string permissionId, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.DeletePermission.Path(checkpoint, permissionId);
        AssertAvailable(FineTuningOperations.DeletePermission);
        return _pipeline.CallAsync(FineTuningOperations.DeletePermission, path, null, (message, _) => DeletionResults.Read(_pipeline, message.Response, permissionId), null, permissionId, async, cancellationToken);
    }

    private void AssertAvailable(ServiceOperation operation) =>
        _pipeline.AssertServed(operation, "Checkpoint permissions are an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /fine_tuning/checkpoints/{checkpoint}/permissions route.");
}
