using System;
using System.Collections.Generic;
using System.Globalization;
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
        routes[TrainingJobsOperations.GetArtifactMetadata] = OfAttempt((job, a, r, _) => GetArtifactMetadata(job, a, r));
        routes[TrainingJobsOperations.GetArtifactContentInfo] = OfAttempt((job, a, r, _) => GetArtifactContentInfo(job, a, r));
        routes[TrainingJobsOperations.GetArtifactContentInfos] = OfAttempt((job, a, r, _) => ListArtifacts(job, a, r, contentInfos: true));
        routes[TrainingJobsOperations.DownloadArtifact] = OfAttempt((job, a, r, _) => DownloadArtifact(job, a, r));
    }

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

    /// <summary>A file's metadata, or a folder's when <c>path</c> is a prefix of files.</summary>
    private static ServiceResponse GetArtifactMetadata(EmulatedTrainingJob job, EmulatedAttempt attempt, ServiceRequest request)
    {
        string? path = request.QueryValue("path");
        if (string.IsNullOrEmpty(path))
        {
            return ServiceErrors.Foundry(400, "MissingQueryParameter", "The query parameter 'path' is required.");
        }

        if (attempt.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact))
        {
            return ServiceResponse.Json(200, JsonBodies.Model(ToArtifact(artifact)));
        }

        string folder = path.TrimEnd('/') + "/";
        List<EmulatedArtifact> children = attempt.Artifacts.Values.Where(a => a.Path.StartsWith(folder, StringComparison.Ordinal)).ToList();
        if (children.Count == 0)
        {
            return ArtifactNotFound(job, path);
        }

        return ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.JobArtifact(
            path: path.TrimEnd('/'),
            type: JobArtifactType.Directory,
            createdAt: children.Min(a => a.CreatedAt),
            updatedAt: children.Max(a => a.UpdatedAt))));
    }

    private ServiceResponse GetArtifactContentInfo(EmulatedTrainingJob job, EmulatedAttempt attempt, ServiceRequest request)
    {
        string? path = request.QueryValue("path");
        if (string.IsNullOrEmpty(path))
        {
            return ServiceErrors.Foundry(400, "MissingQueryParameter", "The query parameter 'path' is required.");
        }

        return attempt.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact)
            ? ServiceResponse.Json(200, JsonBodies.Model(ToContentInfo(job, attempt, artifact, request.Now)))
            : ArtifactNotFound(job, path);
    }

    private static ServiceResponse DownloadArtifact(EmulatedTrainingJob job, EmulatedAttempt attempt, ServiceRequest request)
    {
        string? path = request.QueryValue("path");
        if (string.IsNullOrEmpty(path))
        {
            return ServiceErrors.Foundry(400, "MissingQueryParameter", "The query parameter 'path' is required.");
        }

        if (!attempt.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact))
        {
            return ArtifactNotFound(job, path);
        }

        // Bytes (the route's contract, routes.tsp), read as storage reads them: ranges, ETag, If-Match, the MD5.
        StoredBlob blob = artifact.Read();
        return BlobReads.Serve(request, new StoredBlob(blob.Content, "application/octet-stream", blob.ETag, blob.LastModified));
    }

    private static ServiceResponse ArtifactNotFound(EmulatedTrainingJob job, string path) =>
        ServiceErrors.Foundry(404, "NotFound", $"Artifact '{path}' of training job '{job.Name}' was not found.");

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
            "?sv=2024-05-04&sr=b&sp=r&se=" + Uri.EscapeDataString(expires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)) +
            "&sig=" + Uri.EscapeDataString(_context.Sign(resource));
        return TrainingModelFactory.JobArtifactContentInfo(artifact.Path, new Uri(uri), artifact.ContentType, expires);
    }
}
