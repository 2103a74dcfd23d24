using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// The Uploads API of the OpenAI platform (<c>/uploads</c>; Azure OpenAI 2024-05-01-preview has none, so its emulator
/// answers 404 as for any unknown route): create, add parts (at most 64 MiB each), complete with the ordered part ids
/// (their sizes must add up to the upload's; an MD5, when given, must match the content when the emulator kept all
/// of it) into a normal file, and cancel.
/// </summary>
internal sealed partial class FineTuningService
{
    private const long MaxUploadBytes = 8L * 1024 * 1024 * 1024;
    private const long MaxPartBytes = 64L * 1024 * 1024;

    private static readonly string[] s_uploadApiPurposes = { "assistants", "batch", "fine-tune", "vision", "user_data", "evals" };

    private readonly Dictionary<string, EmulatedUpload> _uploads = new(StringComparer.Ordinal);

    /// <summary>The Uploads API's operations (OpenAI platform only: the Azure OpenAI table has none).</summary>
    private void MapUploads(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[FineTuningOperations.CreateUpload] = (r, _) => CreateUpload(r);
        routes[FineTuningOperations.AddUploadPart] = OfUpload(AddUploadPart);
        routes[FineTuningOperations.CompleteUpload] = OfUpload(CompleteUpload);
        routes[FineTuningOperations.CancelUpload] = OfUpload((upload, _) => CancelUpload(upload));
    }

    private OperationRouter.Handler OfUpload(Func<EmulatedUpload, ServiceRequest, ServiceResponse> handle) =>
        (request, values) => _uploads.TryGetValue(values["uploadId"], out EmulatedUpload? upload) ? handle(upload, request) : _flavor.NotFound($"Upload {values["uploadId"]} not found.");

    private ServiceResponse CreateUpload(ServiceRequest request)
    {
        FineTuningUploadCreateOptions? create;
        try
        {
            create = FoundryTrainingSerializer.Deserialize<FineTuningUploadCreateOptions>(BinaryData.FromBytes(request.Body));
        }
        catch (JsonException ex)
        {
            return _flavor.BadRequest("The request body is not a valid upload: " + ex.Message);
        }

        if (create is null || FineTuningFlavor.IsMissing(create.FileName) || create.Bytes is null || FineTuningFlavor.IsMissing(create.MimeType) || FineTuningFlavor.IsMissing(create.Purpose?.ToString()))
        {
            return _flavor.BadRequest("An upload needs 'filename', 'purpose', 'bytes' and 'mime_type'.", null, "missing_required_parameter");
        }

        if (!s_uploadApiPurposes.Contains(create.Purpose!.Value.ToString()))
        {
            return _flavor.BadRequest($"'{create.Purpose}' is not a valid purpose.", "purpose", "invalid_value");
        }

        if (create.Bytes is < 0 or > MaxUploadBytes)
        {
            return _flavor.BadRequest("'bytes' must be from 0 to 8 GB.", "bytes", "invalid_value");
        }

        if (ExpiryProblem(create.ExpiresAfter?.Anchor, create.ExpiresAfter?.Seconds, create.ExpiresAfter is not null) is string problem)
        {
            return _flavor.BadRequest(problem, "expires_after", "invalid_value");
        }

        var upload = new EmulatedUpload(Ids.Alnum("upload_", 24), create.FileName!, create.Purpose.Value.ToString(), create.Bytes.Value, create.MimeType!, create.ExpiresAfter?.Seconds, request.Now);
        _uploads[upload.Id] = upload;
        return ServiceResponse.Json(200, JsonBodies.Model(upload.ToModel()));
    }

    /// <summary><c>POST /uploads/{id}/parts</c>: a multipart body with the <c>data</c> file field.</summary>
    private ServiceResponse AddUploadPart(EmulatedUpload upload, ServiceRequest request)
    {
        if (upload.Status != FineTuningUploadStatus.Pending)
        {
            return _flavor.BadRequest($"Upload {upload.Id} is {upload.Status}: no part can be added.", null, "invalid_state");
        }

        UploadedFile? data = request.Upload;
        if (data is null || data.Error is not null || data.FileName is null)
        {
            return _flavor.BadRequest("A part must be sent as multipart/form-data with the file field 'data'.", "data", "missing_required_parameter");
        }

        if (data.Length > MaxPartBytes)
        {
            return _flavor.BadRequest($"A part can hold at most 64 MB; this one has {data.Length} bytes.", "data", "invalid_value");
        }

        var part = new EmulatedUpload.Part(Ids.Alnum("part_", 24), data.Length, data.Content, data.Truncated, request.Now);
        upload.Parts[part.Id] = part;
        return ServiceResponse.Json(200, JsonBodies.Object(writer =>
        {
            writer.WriteString("id", part.Id);
            writer.WriteString("object", "upload.part");
            writer.WriteNumber("created_at", part.CreatedAt.ToUnixTimeSeconds());
            writer.WriteString("upload_id", upload.Id);
        }));
    }

    private ServiceResponse CompleteUpload(EmulatedUpload upload, ServiceRequest request)
    {
        if (upload.Status != FineTuningUploadStatus.Pending)
        {
            return _flavor.BadRequest($"Upload {upload.Id} is {upload.Status}: it cannot be completed.", null, "invalid_state");
        }

        List<string> partIds = new();
        string? md5 = null;
        try
        {
            using JsonDocument body = JsonDocument.Parse(request.Body);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("part_ids", out JsonElement ids) || ids.ValueKind != JsonValueKind.Array)
            {
                return _flavor.BadRequest("Missing required parameter: 'part_ids'.", "part_ids", "missing_required_parameter");
            }

            foreach (JsonElement id in ids.EnumerateArray())
            {
                partIds.Add(id.GetString() ?? string.Empty);
            }

            if (body.RootElement.TryGetProperty("md5", out JsonElement hash) && hash.ValueKind == JsonValueKind.String)
            {
                md5 = hash.GetString();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return _flavor.BadRequest("The request body is not a valid completion: " + ex.Message);
        }

        if (partIds.Distinct(StringComparer.Ordinal).Count() != partIds.Count)
        {
            return _flavor.BadRequest("A part can be named only once in 'part_ids'.", "part_ids", "invalid_value");
        }

        var parts = new List<EmulatedUpload.Part>();
        foreach (string id in partIds)
        {
            if (!upload.Parts.TryGetValue(id, out EmulatedUpload.Part? part))
            {
                return _flavor.BadRequest($"Part {id} is not a part of upload {upload.Id}.", "part_ids", "invalid_value");
            }

            parts.Add(part);
        }

        long total = parts.Sum(p => p.Length);
        if (total != upload.Bytes)
        {
            return _flavor.BadRequest($"The parts hold {total} bytes; the upload was created for {upload.Bytes}.", "part_ids", "invalid_value");
        }

        long cap = _context.MaxStoredFileBytes;
        var content = new MemoryStream();
        bool truncated = false;
        foreach (EmulatedUpload.Part part in parts)
        {
            truncated |= part.Truncated;
            long room = cap - content.Length;
            if (room > 0)
            {
                content.Write(part.Content, 0, (int)Math.Min(room, part.Content.Length));
            }

            truncated |= part.Content.Length > room;
        }

        byte[] stored = content.ToArray();
        if (md5 is not null && !truncated && !string.Equals(md5, Md5Hex(stored), StringComparison.OrdinalIgnoreCase))
        {
            return _flavor.BadRequest("The md5 does not match the content of the parts.", "md5", "invalid_value");
        }

        var file = new EmulatedFile(_flavor, _flavor.NewFileId(), ++_sequence, upload.FileName, upload.Purpose, total, stored, truncated, request.Now, _context.StepInterval, processed: false, ExpiresAt(upload.FileExpiresAfterSeconds, request.Now));
        _files[file.Id] = file;
        upload.File = file;
        upload.Status = FineTuningUploadStatus.Completed;
        upload.Parts.Clear();
        return ServiceResponse.Json(200, JsonBodies.Model(upload.ToModel()));
    }

    private ServiceResponse CancelUpload(EmulatedUpload upload)
    {
        if (upload.Status == FineTuningUploadStatus.Completed || upload.Status == FineTuningUploadStatus.Expired)
        {
            return _flavor.BadRequest($"Upload {upload.Id} is {upload.Status}: it cannot be cancelled.", null, "invalid_state");
        }

        upload.Status = FineTuningUploadStatus.Cancelled;
        upload.Parts.Clear();
        return ServiceResponse.Json(200, JsonBodies.Model(upload.ToModel()));
    }

    /// <summary>Why an <c>expires_after</c> policy is not one the platform takes (anchor <c>created_at</c>, an hour to 30 days), or null.</summary>
    private static string? ExpiryProblem(string? anchor, long? seconds, bool given)
    {
        if (!given)
        {
            return null;
        }

        if (anchor != "created_at")
        {
            return "'expires_after.anchor' must be 'created_at'.";
        }

        return seconds is >= 3600 and <= 2_592_000 ? null : "'expires_after.seconds' must be from 3600 to 2592000.";
    }

    private static DateTimeOffset? ExpiresAt(long? seconds, DateTimeOffset now) => seconds is long value ? now.AddSeconds(value) : null;

    private static string Md5Hex(byte[] content)
    {
#pragma warning disable CA5351 // the Uploads API's checksum is MD5; nothing is protected by it
        using var md5 = MD5.Create();
#pragma warning restore CA5351
        return string.Concat(md5.ComputeHash(content).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
