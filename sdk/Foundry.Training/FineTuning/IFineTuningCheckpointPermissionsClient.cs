using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>The operations of <see cref="FineTuningCheckpointPermissionsClient"/>, for mocking and decoration.</summary>
public interface IFineTuningCheckpointPermissionsClient
{
    /// <inheritdoc cref="FineTuningCheckpointPermissionsClient.GetPermissionsAsync"/>
    AsyncPageable<FineTuningCheckpointPermission> GetPermissionsAsync(string checkpoint, FineTuningCheckpointPermissionListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningCheckpointPermissionsClient.GetPermissions"/>
    Pageable<FineTuningCheckpointPermission> GetPermissions(string checkpoint, FineTuningCheckpointPermissionListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningCheckpointPermissionsClient.CreatePermissionsAsync"/>
    Task<Response<IReadOnlyList<FineTuningCheckpointPermission>>> CreatePermissionsAsync(string checkpoint, IEnumerable<string> projectIds, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningCheckpointPermissionsClient.CreatePermissions"/>
    Response<IReadOnlyList<FineTuningCheckpointPermission>> CreatePermissions(string checkpoint, IEnumerable<string> projectIds, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningCheckpointPermissionsClient.DeletePermissionAsync"/>
    Task<Response<FineTuningDeletionResult>> DeletePermissionAsync(string checkpoint, string permissionId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningCheckpointPermissionsClient.DeletePermission"/>
    Response<FineTuningDeletionResult> DeletePermission(string checkpoint, string permissionId, CancellationToken cancellationToken = default);
}
