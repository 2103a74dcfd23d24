using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// Checkpoint permissions of the OpenAI platform (<c>/fine_tuning/checkpoints/{checkpoint}/permissions</c>), stored per
/// checkpoint: a fine-tuned model or a checkpoint of one of the emulator's jobs. Azure OpenAI has none (404).
/// </summary>
internal sealed partial class FineTuningService
{
    private readonly Dictionary<string, List<FineTuningCheckpointPermission>> _permissions = new(StringComparer.Ordinal);

    /// <summary>The checkpoint permissions' operations (OpenAI platform only).</summary>
    private void MapPermissions(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[FineTuningOperations.GetPermissions] = OfCheckpoint((checkpoint, r, _) => ListPermissions(checkpoint, r));
        routes[FineTuningOperations.CreatePermissions] = OfCheckpoint((checkpoint, r, _) => CreatePermissions(checkpoint, r));
        routes[FineTuningOperations.DeletePermission] = OfCheckpoint((checkpoint, _, v) => DeletePermission(checkpoint, v["permissionId"]));
    }

    private OperationRouter.Handler OfCheckpoint(Func<string, ServiceRequest, IReadOnlyDictionary<string, string>, ServiceResponse> handle) =>
        (request, values) => IsKnownCheckpoint(values["checkpoint"]) ? handle(values["checkpoint"], request, values) : _flavor.NotFound($"Checkpoint {values["checkpoint"]} not found.");

    private bool IsKnownCheckpoint(string checkpoint) =>
        _jobs.Values.Any(job => job.FineTunedModel == checkpoint || job.Checkpoints.Any(c => c.FineTunedModelCheckpoint == checkpoint));

    private ServiceResponse CreatePermissions(string checkpoint, ServiceRequest request)
    {
        var projectIds = new List<string>();
        try
        {
            using JsonDocument body = JsonDocument.Parse(request.Body);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("project_ids", out JsonElement ids) || ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0)
            {
                return _flavor.BadRequest("Missing required parameter: 'project_ids'.", "project_ids", "missing_required_parameter");
            }

            foreach (JsonElement id in ids.EnumerateArray())
            {
                if (id.ValueKind != JsonValueKind.String || FineTuningFlavor.IsMissing(id.GetString()))
                {
                    return _flavor.BadRequest("Every project id must be a non-empty string.", "project_ids", "invalid_value");
                }

                projectIds.Add(id.GetString()!);
            }
        }
        catch (JsonException ex)
        {
            return _flavor.BadRequest("The request body is not valid JSON: " + ex.Message);
        }

        if (!_permissions.TryGetValue(checkpoint, out List<FineTuningCheckpointPermission>? stored))
        {
            _permissions[checkpoint] = stored = new List<FineTuningCheckpointPermission>();
        }

        var created = new List<FineTuningCheckpointPermission>();
        foreach (string projectId in projectIds.Distinct(StringComparer.Ordinal))
        {
            // A project that already has the checkpoint keeps its permission: sharing twice changes nothing.
            FineTuningCheckpointPermission? permission = stored.FirstOrDefault(p => p.ProjectId == projectId);
            if (permission is null)
            {
                permission = FineTuningModelFactory.FineTuningCheckpointPermission(Ids.Alnum("cp_", 24), projectId, request.Now);
                stored.Add(permission);
            }

            created.Add(permission);
        }

        return ServiceResponse.Json(200, JsonBodies.Page(Paging.All(created, p => p.Id), listObject: true, ids: true, hasMore: true));
    }

    private ServiceResponse ListPermissions(string checkpoint, ServiceRequest request)
    {
        int? limit = Paging.ReadLimit(request.QueryValue("limit"), 10, 100);
        if (limit is null)
        {
            return _flavor.BadRequest("'limit' must be an integer from 1 to 100.", "limit");
        }

        string? order = request.QueryValue("order");
        if (order is not null && order != "ascending" && order != "descending")
        {
            return _flavor.BadRequest("'order' must be 'ascending' or 'descending'.", "order");
        }

        string? projectId = request.QueryValue("project_id");
        IEnumerable<FineTuningCheckpointPermission> all = _permissions.TryGetValue(checkpoint, out List<FineTuningCheckpointPermission>? stored) ? stored : Enumerable.Empty<FineTuningCheckpointPermission>();
        List<FineTuningCheckpointPermission> ordered = all.Where(p => projectId is null || p.ProjectId == projectId).ToList();
        if (order != "ascending")
        {
            ordered.Reverse(); // newest first by default
        }

        PageSlice<FineTuningCheckpointPermission> page = Paging.Cut(ordered, p => p.Id, request.QueryValue("after"), null, limit.Value);
        return ServiceResponse.Json(200, JsonBodies.Page(page, listObject: true, ids: true));
    }

    private ServiceResponse DeletePermission(string checkpoint, string permissionId)
    {
        if (!_permissions.TryGetValue(checkpoint, out List<FineTuningCheckpointPermission>? stored) || stored.RemoveAll(p => p.Id == permissionId) == 0)
        {
            return _flavor.NotFound($"Permission {permissionId} not found on checkpoint {checkpoint}.");
        }

        return ServiceResponse.Json(200, JsonBodies.Object(writer =>
        {
            writer.WriteString("id", permissionId);
            writer.WriteString("object", "checkpoint.permission");
            writer.WriteBoolean("deleted", true);
        }));
    }
}
