using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    /// <summary>The routes of this resource (<see cref="TrainingJobsOperations"/>).</summary>
    private void MapArtifacts(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[TrainingJobsOperations.GetArtifacts] = OfAttempt((job, a, r, _) => ListArtifacts(job, a, r, contentInfos: false));
        routes[TrainingJobsOperations.GetArtifactMetadata] = OfArtifact((_, _, artifact, _) => ServiceResponse.Json(200, JsonBodies.Model(ToArtifact(artifact))), orFolder: FolderMetadata);
        routes[TrainingJobsOperations.GetArtifactContentInfo] = OfArtifact((job, a, artifact, r) => ServiceResponse.Json(200, JsonBodies.Model(ToContentInfo(job, a, artifact, r.Now))));
        routes[TrainingJobsOperations.GetArtifactContentInfos] = OfAttempt((job, a, r, _) => ListArtifacts(job, a, r, contentInfos: true));
        routes[TrainingJobsOperations.DownloadArtifact] = OfArtifact((_, _, artifact, r) => DownloadArtifact(artifact, r));
    }

    /// <summary>
    /// A handler of a route about one artifact of an attempt, named by the required <c>path</c> query parameter: 400
    /// without it; 404 when no file has that path and <paramref name="orFolder"/> (when given) finds no folder either.
    /// </summary>
    private OperationRouter.Handler OfArtifact(
        Func<EmulatedTrainingJob, EmulatedAttempt, EmulatedArtifact, ServiceRequest, ServiceResponse> handle,
        Func<EmulatedAttempt, string, ServiceResponse?>? orFolder = null) =>
        OfAttempt((job, attempt, request, _) =>
        {
            string? path = request.QueryValue("path");
            if (string.IsNullOrEmpty(path))
            {
                return ServiceErrors.Foundry(400, "MissingQueryParameter", "The query parameter 'path' is required.");
            }

            return attempt.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact)
                ? handle(job, attempt, artifact, request)
                : orFolder?.Invoke(attempt, path) ?? ServiceErrors.Foundry(404, "NotFound", $"Artifact '{path}' of training job '{job.Name}' was not found.");
        });

    private static readonly TimeSpan s_contentUriLifetime = TimeSpan.FromHours(1);

    private ServiceResponse ListArtifacts(EmulatedTrainingJob job, EmulatedAttempt attempt, ServiceRequest request, bool contentInfos)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        // Artifacts are listed by path (ascending unless asked otherwise): a folder's files stay together.
        bool? descending = ReadDescending(request, whenAbsent: false);
        if (descending is null)
        {
            return BadQuery("order", request.QueryValue("order"), "'asc' or 'desc'");
        }

        string prefix = request.QueryValue("path_prefix") ?? string.Empty;
        List<EmulatedArtifact> artifacts = attempt.Artifacts.Values.Where(a => a.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (descending.Value)
        {
            artifacts.Reverse();
        }

        PageSlice<EmulatedArtifact> page = Paging.Cut(artifacts, a => a.Path, request.QueryValue("after"), request.QueryValue("before"), limit);
        if (contentInfos)
        {
            var infos = page.Items.Select(a => ToContentInfo(job, attempt, a, request.Now)).ToList();
            return ServiceResponse.Json(200, JsonBodies.Page(new PageSlice<JobArtifactContentInfo>(infos, page.HasMore, page.FirstId, page.LastId), listObject: false, ids: true));
        }

        var items = page.Items.Select(ToArtifact).ToList();
        return ServiceResponse.Json(200, JsonBodies.Page(new PageSlice<JobArtifact>(items, page.HasMore, page.FirstId, page.LastId), listObject: false, ids: true));
    }

    /// <summary>A folder's metadata when <paramref name="path"/> is a prefix of files; null when it is not.</summary>
    private static ServiceResponse? FolderMetadata(EmulatedAttempt attempt, string path)
    {
        string folder = path.TrimEnd('/') + "/";
        List<EmulatedArtifact> children = attempt.Artifacts.Values.Where(a => a.Path.StartsWith(folder, StringComparison.Ordinal)).ToList();
        if (children.Count == 0)
        {
            return null;
        }

        return ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.JobArtifact(
            path: path.TrimEnd('/'),
            type: JobArtifactType.Directory,
            createdAt: children.Min(a => a.CreatedAt),
            updatedAt: children.Max(a => a.UpdatedAt))));
    }

    /// <summary>Bytes (the route's contract, routes.tsp), read as storage reads them: ranges, ETag, If-Match, the MD5.</summary>
    private static ServiceResponse DownloadArtifact(EmulatedArtifact artifact, ServiceRequest request)
    {
        StoredBlob blob = artifact.Read();
        return BlobReads.Serve(request, new StoredBlob(blob.Content, "application/octet-stream", blob.ETag, blob.LastModified));
    }

    private static JobArtifact ToArtifact(EmulatedArtifact artifact) =>
        TrainingModelFactory.JobArtifact(
            path: artifact.Path,
            type: JobArtifactType.File,
            size: artifact.Content.Length,
            createdAt: artifact.CreatedAt,
            updatedAt: artifact.UpdatedAt);

    /// <summary>
    /// A pre-signed URL on the emulator's stand-in for blob storage: no bearer token needed, a signature required. It
    /// names the attempt by its id (also when the route said <c>latest</c>), as a blob path would.
    /// </summary>
    private JobArtifactContentInfo ToContentInfo(EmulatedTrainingJob job, EmulatedAttempt attempt, EmulatedArtifact artifact, DateTimeOffset now)
    {
        string resource = ArtifactStorageService.Resource(job.Name, attempt.Id, artifact.Path);
        DateTimeOffset expires = now + s_contentUriLifetime;
        string uri = _context.ServerRoot.AbsoluteUri.TrimEnd('/') + EmulatorContext.StoragePath + "/" + resource +
            SharedAccessSignature.Query("2024-05-04", "b", "r", expires, _ => _context.Sign(resource));
        return TrainingModelFactory.JobArtifactContentInfo(artifact.Path, new Uri(uri), artifact.ContentType, expires);
    }
}
