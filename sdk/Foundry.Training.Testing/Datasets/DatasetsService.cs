using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Datasets;

namespace Foundry.Training.Testing;

/// <summary>
/// The Foundry datasets service (<c>VersionedOperations</c> of resource <c>datasets</c>): <c>api-version=v1</c> and an
/// Entra ID bearer token on every request; versions of <c>uri_file</c> and <c>uri_folder</c> datasets, pending uploads
/// into emulated blob containers (<see cref="BlobContainerService"/>) and read credentials. All state lives in memory
/// behind one lock.
/// </summary>
internal sealed class DatasetsService : IEmulatedService
{
    /// <summary>The page size of the lists (<c>{value, nextLink}</c>).</summary>
    public const int PageSize = 20;

    private readonly object _gate = new();
    private readonly EmulatorContext _context;
    private readonly BlobStore _blobs;
    private readonly SortedDictionary<string, List<JsonObject>> _datasets = new(StringComparer.Ordinal);
    private readonly OperationRouter _router;

    public DatasetsService(EmulatorContext context, BlobStore blobs)
    {
        _context = context;
        _blobs = blobs;
        _router = CreateRouter();
    }

    public ServiceResponse Handle(ServiceRequest request)
    {
        if (CheckProtocol(request) is ServiceResponse rejection)
        {
            return rejection;
        }

        lock (_gate)
        {
            return _router.Serve(request);
        }
    }

    /// <summary>One handler per operation of <see cref="DatasetsOperations"/>.</summary>
    private OperationRouter CreateRouter()
    {
        var routes = new Dictionary<ServiceOperation, OperationRouter.Handler>
        {
            [DatasetsOperations.GetDatasets] = (r, _) => List(r, _datasets.Values.Select(versions => versions[versions.Count - 1]).ToList()),
            [DatasetsOperations.GetVersions] = (r, v) => List(r, _datasets.TryGetValue(v["name"], out List<JsonObject>? versions) ? versions : new List<JsonObject>()),
            [DatasetsOperations.GetVersion] = (_, v) => Find(v["name"], v["version"]) is JsonObject found ? Json(200, found) : NotFound(v["name"], v["version"]),
            [DatasetsOperations.CreateOrUpdateVersion] = (r, v) => Patch(r, v["name"], v["version"], Find(v["name"], v["version"])),
            [DatasetsOperations.DeleteVersion] = (_, v) => Delete(v["name"], v["version"]),
            [DatasetsOperations.StartPendingUpload] = (r, v) => StartPendingUpload(r, v["name"], v["version"]),
            [DatasetsOperations.GetCredentials] = (r, v) => Credentials(v["name"], v["version"], r.Now),
        };
        return new OperationRouter(EmulatedService.Datasets, DatasetsOperations.All, routes);
    }

    /// <summary>Whether <c>azureai://datasets/{name}/versions/{version}</c> names a version that exists.</summary>
    public bool Exists(string name, string version)
    {
        lock (_gate)
        {
            return Find(name, version) is not null;
        }
    }

    /// <summary>
    /// The bytes of a <c>uri_file</c> version's blob (or of the first blob of a <c>uri_folder</c> version), when it was
    /// uploaded to the emulator's storage; null otherwise. <paramref name="folder"/> says which.
    /// </summary>
    public byte[]? ReadData(string name, string version, out bool folder)
    {
        string? dataUri;
        lock (_gate)
        {
            JsonObject? found = Find(name, version);
            dataUri = found?["dataUri"]?.GetValue<string>();
            folder = found?["type"]?.GetValue<string>() == "uri_folder";
        }

        string prefix = new Uri(_context.ServerRoot, EmulatorContext.BlobsPath + "/").AbsoluteUri;
        if (dataUri is null || !dataUri.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = dataUri.Substring(prefix.Length).Split('/').Select(Uri.UnescapeDataString).ToArray();
        string container = parts[0];
        string blob = string.Join("/", parts.Skip(1));
        return _blobs.Get(container, blob)?.Content
            ?? _blobs.List(container, blob.Length == 0 ? string.Empty : blob + "/").Select(pair => pair.Value.Content).FirstOrDefault();
    }

    private static ServiceResponse? CheckProtocol(ServiceRequest request)
    {
        string? authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
        {
            return ServiceErrors.Foundry(401, "Unauthorized", "The request needs a bearer token (Authorization: Bearer ...) for the audience https://ai.azure.com.");
        }

        string? version = request.QueryValue("api-version");
        return version is null
            ? ServiceErrors.Foundry(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.")
            : version != TrainingJobsService.ApiVersion
                ? ServiceErrors.Foundry(400, "UnsupportedApiVersion", $"The api-version '{version}' is not supported; use '{TrainingJobsService.ApiVersion}'.")
                : null;
    }

    private ServiceResponse List(ServiceRequest request, IReadOnlyList<JsonObject> items)
    {
        int skip = int.TryParse(request.QueryValue("skip"), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : 0;
        var page = new JsonArray(items.Skip(skip).Take(PageSize).Select(item => (JsonNode)item.DeepClone()).ToArray());
        var body = new JsonObject { ["value"] = page };
        if (skip + PageSize < items.Count)
        {
            string path = EmulatorContext.ProjectPath + "/" + string.Join("/", request.RawSegments);
            body["nextLink"] = new Uri(_context.ServerRoot, path).AbsoluteUri + "?api-version=" + TrainingJobsService.ApiVersion + "&skip=" + (skip + PageSize).ToString(CultureInfo.InvariantCulture);
        }

        return Json(200, body);
    }

    private ServiceResponse Delete(string name, string version)
    {
        if (Find(name, version) is not JsonObject existing)
        {
            return NotFound(name, version);
        }

        _datasets[name].Remove(existing);
        if (_datasets[name].Count == 0)
        {
            _datasets.Remove(name);
        }

        return ServiceResponse.Empty(204);
    }

    private ServiceResponse Patch(ServiceRequest request, string name, string version, JsonObject? existing)
    {
        if (request.Header("Content-Type") is not string contentType || !contentType.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase))
        {
            return ServiceErrors.Foundry(415, "UnsupportedMediaType", "The request body must be application/merge-patch+json.");
        }

        JsonObject? patch;
        try
        {
            patch = JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            patch = null;
        }

        if (patch is null)
        {
            return ServiceErrors.Foundry(400, "InvalidRequestBody", "The request body must be a JSON object.");
        }

        if (existing is null)
        {
            string? type = (patch["type"] as JsonValue)?.TryGetValue(out string? t) == true ? t : null;
            string? dataUri = (patch["dataUri"] as JsonValue)?.TryGetValue(out string? d) == true ? d : null;
            if (type is not ("uri_file" or "uri_folder"))
            {
                return ServiceErrors.Foundry(400, "InvalidRequestBody", "'type' must be 'uri_file' or 'uri_folder'.");
            }

            if (string.IsNullOrEmpty(dataUri))
            {
                return ServiceErrors.Foundry(400, "InvalidRequestBody", "'dataUri' is required when a version is created.");
            }

            if (dataUri!.Contains("sig=", StringComparison.OrdinalIgnoreCase))
            {
                return ServiceErrors.Foundry(400, "InvalidRequestBody", "'dataUri' must not carry a SAS token.");
            }

            var created = new JsonObject
            {
                ["id"] = "azureai://accounts/emulator/projects/emulator/data/" + name + "/versions/" + version,
                ["name"] = name,
                ["version"] = version,
                ["type"] = type,
                ["dataUri"] = dataUri,
                ["isReference"] = false,
            };
            Merge(created, patch, "description", "tags", "connectionName");
            if (!_datasets.TryGetValue(name, out List<JsonObject>? versions))
            {
                _datasets[name] = versions = new List<JsonObject>();
            }

            versions.Add(created);
            return Json(201, created);
        }

        Merge(existing, patch, "description", "tags");
        return Json(200, existing);
    }

    private ServiceResponse StartPendingUpload(ServiceRequest request, string name, string version)
    {
        string? type = null;
        try
        {
            if (JsonNode.Parse(request.Body) is JsonObject body && body["pendingUploadType"] is JsonValue value && value.TryGetValue(out string? text))
            {
                type = text;
            }
        }
        catch (JsonException)
        {
        }

        if (type != "BlobReference")
        {
            return ServiceErrors.Foundry(400, "InvalidRequestBody", "'pendingUploadType' must be 'BlobReference'.");
        }

        if (Find(name, version) is not null)
        {
            return ServiceErrors.Foundry(409, "Conflict", $"The dataset version {name}:{version} already exists; a pending upload needs a new version.");
        }

        string container = Container(name, version);
        _blobs.CreateContainer(container);
        return Json(200, new JsonObject
        {
            ["blobReference"] = BlobReference(container, request.Now),
            ["pendingUploadId"] = container,
            ["version"] = version,
            ["pendingUploadType"] = "BlobReference",
        });
    }

    private ServiceResponse Credentials(string name, string version, DateTimeOffset now)
    {
        return Find(name, version) is null
            ? NotFound(name, version)
            : Json(200, new JsonObject { ["blobReference"] = BlobReference(Container(name, version), now) });
    }

    private JsonObject BlobReference(string container, DateTimeOffset now)
    {
        Uri url = BlobContainerService.ContainerUrl(_context, container);
        return new JsonObject
        {
            ["blobUri"] = url.AbsoluteUri,
            ["storageAccountArmId"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/emulator/providers/Microsoft.Storage/storageAccounts/emulator",
            ["credential"] = new JsonObject
            {
                ["sasUri"] = url.AbsoluteUri + BlobContainerService.SasQuery(_context, container, now + BlobContainerService.SasLifetime),
                ["type"] = "SAS",
            },
        };
    }

    /// <summary>The container of a version: one per name and version, named by a hash so any name fits.</summary>
    private string Container(string name, string version) =>
        "dataset-" + _context.Sign(name + "\n" + version).Substring(0, 16).Replace('_', 'x').Replace('-', 'y').ToLowerInvariant();

    private JsonObject? Find(string name, string version) =>
        _datasets.TryGetValue(name, out List<JsonObject>? versions) ? versions.FirstOrDefault(v => v["version"]?.GetValue<string>() == version) : null;

    private static void Merge(JsonObject target, JsonObject patch, params string[] names)
    {
        foreach (string property in names)
        {
            if (patch.TryGetPropertyValue(property, out JsonNode? value))
            {
                if (value is null)
                {
                    target.Remove(property);
                }
                else
                {
                    target[property] = value.DeepClone();
                }
            }
        }
    }

    private static ServiceResponse NotFound(string name, string version) =>
        ServiceErrors.Foundry(404, "NotFound", $"Dataset version {name}:{version} was not found.");

    private static ServiceResponse Json(int status, JsonObject body) => ServiceResponse.Json(status, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
}
