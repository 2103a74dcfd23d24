using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Training.Testing;

/// <summary>
/// The emulator's stand-in for blob storage: serves artifact content at the pre-signed URLs that content infos hand
/// out (<c>/_emulator/storage/artifacts/{job}/{attempt}/{path}?...&amp;sig=</c>). Like a SAS URL it needs no bearer token,
/// but its signature must match. Reads behave as Azure Blob Storage's (<see cref="BlobReads"/>).
/// </summary>
internal sealed class ArtifactStorageService : IEmulatedService
{
    private readonly EmulatorContext _context;
    private readonly TrainingJobsService _jobs;

    public ArtifactStorageService(EmulatorContext context, TrainingJobsService jobs)
    {
        _context = context;
        _jobs = jobs;
    }

    /// <summary>The escaped resource path of an artifact below the storage root, which the signature covers.</summary>
    public static string Resource(string jobName, string attemptId, string artifactPath) =>
        "artifacts/" + Uri.EscapeDataString(jobName) + "/" + Uri.EscapeDataString(attemptId) + "/" +
        string.Join("/", artifactPath.Split('/').Select(Uri.EscapeDataString));

    public ServiceResponse Handle(ServiceRequest request)
    {
        if (!request.Is("GET") && !request.Is("HEAD"))
        {
            return ServiceErrors.MethodNotAllowed(EmulatedService.Storage, request);
        }

        IReadOnlyList<string> raw = request.RawSegments;
        if (raw.Count < 4 || raw[0] != "artifacts")
        {
            return ServiceErrors.RouteNotFound(EmulatedService.Storage, request);
        }

        string path = string.Join("/", request.Segments.Skip(3));
        if (!_context.Verify(Resource(request.Segments[1], request.Segments[2], path), request.QueryValue("sig")))
        {
            return ServiceErrors.StorageError(403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure the value of the sig parameter is correct.");
        }

        StoredBlob? blob = _jobs.ReadArtifact(request.Segments[1], request.Segments[2], path, request.Now);
        return blob is null
            ? ServiceErrors.BlobNotFound()
            : BlobReads.Serve(request, blob);
    }
}
