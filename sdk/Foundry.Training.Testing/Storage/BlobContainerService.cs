using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Foundry.Training.Testing;

/// <summary>
/// The emulator's stand-in for the blob containers that dataset uploads write into
/// (<c>/_emulator/blobs/{container}/{blob}?{container SAS}</c>): Put Blob, Put Block, Put Block List, Get Blob (with
/// <c>Range</c>) and Get Blob Properties (HEAD). Every request needs the container SAS the datasets service handed
/// out: a wrong signature, or one past its expiry (<c>se</c>), is a 403 <c>AuthenticationFailed</c> in Azure Storage's
/// XML error shape. A <c>Content-MD5</c> that does not match the body is a 400 <c>Md5Mismatch</c>.
/// </summary>
internal sealed class BlobContainerService : IEmulatedService
{
    /// <summary>How long the SAS the datasets service hands out stays valid.</summary>
    public static readonly TimeSpan SasLifetime = TimeSpan.FromHours(1);

    private static readonly Regex s_blockIds = new("<(Latest|Committed|Uncommitted)>([^<]*)</", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly EmulatorContext _context;
    private readonly BlobStore _store;

    public BlobContainerService(EmulatorContext context, BlobStore store)
    {
        _context = context;
        _store = store;
    }

    /// <summary>The URL of a container, without credentials.</summary>
    public static Uri ContainerUrl(EmulatorContext context, string container) => new(context.ServerRoot, EmulatorContext.BlobsPath + "/" + container);

    /// <summary>A container SAS query (read, create, write, list) valid until <paramref name="expiresOn"/>.</summary>
    public static string SasQuery(EmulatorContext context, string container, DateTimeOffset expiresOn)
    {
        const string Permissions = "rcwl";
        return SharedAccessSignature.Query("2023-11-03", "c", Permissions, expiresOn, se => context.Sign(Resource(container, se, Permissions)));
    }

    private static string Md5(byte[] content)
    {
#pragma warning disable CA5351 // Content-MD5 is Azure Storage's integrity check, not a security measure.
        using var md5 = System.Security.Cryptography.MD5.Create();
        return Convert.ToBase64String(md5.ComputeHash(content));
#pragma warning restore CA5351
    }

    public ServiceResponse Handle(ServiceRequest request)
    {
        if (request.Segments.Count < 1 || !_store.ContainerExists(request.Segments[0]))
        {
            return ServiceErrors.StorageError(404, "ContainerNotFound", "The specified container does not exist.");
        }

        string container = request.Segments[0];
        if (!Authorized(request, container))
        {
            return ServiceErrors.StorageError(403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.");
        }

        if (request.Segments.Count < 2)
        {
            return ServiceErrors.StorageError(400, "InvalidUri", "The requested URI does not represent any resource on the server.");
        }

        string blob = string.Join("/", request.Segments.Skip(1));
        string? comp = request.QueryValue("comp");
        return request.Method switch
        {
            "PUT" when comp is null => PutBlob(request, container, blob),
            "PUT" when comp == "block" => PutBlock(request, container, blob),
            "PUT" when comp == "blocklist" => PutBlockList(request, container, blob),
            "GET" => GetBlob(request, container, blob, head: false),
            "HEAD" => GetBlob(request, container, blob, head: true),
            _ => ServiceErrors.MethodNotAllowed(EmulatedService.BlobStorage, request),
        };
    }

    private static string Resource(string container, string se, string permissions) => "blobs/" + container + "\n" + se + "\n" + permissions;

    private bool Authorized(ServiceRequest request, string container)
    {
        string? se = request.QueryValue("se");
        string? sp = request.QueryValue("sp");
        if (se is null || sp is null || !_context.Verify(Resource(container, se, sp), request.QueryValue("sig")))
        {
            return false;
        }

        return DateTimeOffset.TryParse(se, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset expiry) && request.Now < expiry;
    }

    private ServiceResponse PutBlob(ServiceRequest request, string container, string blob)
    {
        if (!string.Equals(request.Header("x-ms-blob-type"), "BlockBlob", StringComparison.Ordinal))
        {
            return ServiceErrors.StorageError(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not specified: x-ms-blob-type.");
        }

        string md5 = Md5(request.Body);
        if (Md5Problem(request, md5) is ServiceResponse mismatch)
        {
            return mismatch;
        }

        CommittedBlob stored = _store.Put(container, blob, request.Body, request.Now);
        return Created(stored.ETag).WithHeader("Content-MD5", md5);
    }

    private ServiceResponse PutBlock(ServiceRequest request, string container, string blob)
    {
        string? blockId = request.QueryValue("blockid");
        if (string.IsNullOrEmpty(blockId))
        {
            return ServiceErrors.StorageError(400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is invalid: blockid.");
        }

        string md5 = Md5(request.Body);
        if (Md5Problem(request, md5) is ServiceResponse mismatch)
        {
            return mismatch;
        }

        _store.StageBlock(container, blob, blockId!, request.Body);
        return ServiceResponse.Empty(201).WithHeader("Content-MD5", md5).WithHeader("x-ms-request-server-encrypted", "true");
    }

    private ServiceResponse PutBlockList(ServiceRequest request, string container, string blob)
    {
        List<string> ids = s_blockIds.Matches(request.BodyText).Cast<Match>().Select(m => m.Groups[2].Value).ToList();
        CommittedBlob? stored = ids.Count == 0 ? null : _store.Commit(container, blob, ids, request.Now);
        return stored is null
            ? ServiceErrors.StorageError(400, "InvalidBlockList", "The specified block list is invalid.")
            : Created(stored.ETag);
    }

    private ServiceResponse GetBlob(ServiceRequest request, string container, string blob, bool head)
    {
        CommittedBlob? stored = _store.Get(container, blob);
        if (stored is null)
        {
            return head ? ServiceResponse.Empty(404).WithHeader("x-ms-error-code", "BlobNotFound") : ServiceErrors.BlobNotFound();
        }

        // Reads go through the same blob-storage semantics as artifact content: Range, If-Match, ETag, MD5, HEAD.
        return BlobReads.Serve(request, stored.Read);
    }

    /// <summary>A <c>Content-MD5</c> the body (whose base64 MD5 is <paramref name="md5"/>) does not match.</summary>
    private static ServiceResponse? Md5Problem(ServiceRequest request, string md5) =>
        request.Header("Content-MD5") is string expected && !string.Equals(expected, md5, StringComparison.Ordinal)
            ? ServiceErrors.StorageError(400, "Md5Mismatch", "The MD5 value specified in the request did not match with the MD5 value calculated by the server.")
            : null;

    private static ServiceResponse Created(string etag) => ServiceResponse.Empty(201).WithHeader("ETag", etag).WithHeader("x-ms-request-server-encrypted", "true");
}
