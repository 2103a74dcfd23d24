using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

internal sealed partial class FineTuningService
{
    /// <summary>The files' operations.</summary>
    private void MapFiles(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[FineTuningOperations.UploadFile] = (r, _) => UploadFile(r);
        routes[FineTuningOperations.ImportFile] = (r, _) => ImportFile(r);
        routes[FineTuningOperations.GetFiles] = (r, _) => ListFiles(r);
        routes[FineTuningOperations.GetFile] = OfFile(file => GetFile(file));
        routes[FineTuningOperations.DeleteFile] = OfFile(file => DeleteFile(file));
        routes[FineTuningOperations.DownloadContent] = OfFile(file => ServiceResponse.Bytes(200, file.Content, "application/octet-stream"));
    }

    private OperationRouter.Handler OfFile(Func<EmulatedFile, ServiceResponse> handle) =>
        (_, values) => _files.TryGetValue(values["fileId"], out EmulatedFile? file) ? handle(file) : _flavor.NotFound($"File {values["fileId"]} not found.");

    private static readonly string[] s_uploadPurposes =
    {
        "fine-tune", "fine-tune-results", "assistants", "assistants_output", "batch", "batch_output", "vision", "user_data", "evals",
    };

    /// <summary>
    /// <c>POST /files</c> (multipart): the upload middleware has already read the stream and kept the first bytes. Azure
    /// OpenAI answers <c>201</c> with a <c>pending</c> file, OpenAI <c>200</c> with an <c>uploaded</c> one.
    /// </summary>
    private ServiceResponse UploadFile(ServiceRequest request)
    {
        UploadedFile? upload = request.Upload;
        if (upload is null)
        {
            return _flavor.BadRequest("A file upload must be sent as multipart/form-data with the fields 'purpose' and 'file'.");
        }

        if (upload.Error is not null)
        {
            return _flavor.BadRequest("The multipart body could not be read: " + upload.Error);
        }

        if (FineTuningFlavor.IsMissing(upload.Purpose))
        {
            return _flavor.BadRequest("Missing required parameter: 'purpose'.", "purpose", "missing_required_parameter");
        }

        if (!s_uploadPurposes.Contains(upload.Purpose))
        {
            return _flavor.BadRequest($"'{upload.Purpose}' is not a valid purpose.", "purpose", "invalid_value");
        }

        if (FineTuningFlavor.IsMissing(upload.FileName))
        {
            return _flavor.BadRequest("Missing required parameter: 'file'.", "file", "missing_required_parameter");
        }

        upload.Fields.TryGetValue("expires_after[anchor]", out string? anchor);
        long? seconds = upload.Fields.TryGetValue("expires_after[seconds]", out string? text) && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value) ? value : null;
        bool expires = !_flavor.IsAzure && (anchor is not null || upload.Fields.ContainsKey("expires_after[seconds]"));
        if (expires && ExpiryProblem(anchor, seconds, given: true) is string problem)
        {
            return _flavor.BadRequest(problem, "expires_after", "invalid_value");
        }

        var file = new EmulatedFile(_flavor, _flavor.NewFileId(), ++_sequence, upload.FileName!, upload.Purpose!, upload.Length, upload.Content, upload.Truncated, request.Now, _context.StepInterval, processed: false, expires ? ExpiresAt(seconds, request.Now) : null);
        _files[file.Id] = file;
        return Created(file);
    }

    /// <summary>
    /// <c>POST /files/import</c> (Azure OpenAI): the emulator cannot download the URL (and would not: it never leaves the
    /// machine), so the file is created empty and processed like an upload.
    /// </summary>
    private ServiceResponse ImportFile(ServiceRequest request)
    {
        FineTuningFileImport? import;
        try
        {
            import = FoundryTrainingSerializer.Deserialize<FineTuningFileImport>(BinaryData.FromBytes(request.Body));
        }
        catch (JsonException ex)
        {
            return _flavor.BadRequest("The request body is not a valid file import: " + ex.Message);
        }

        if (import is null || FineTuningFlavor.IsMissing(import.FileName) || import.ContentUrl is null || FineTuningFlavor.IsMissing(import.Purpose?.ToString()))
        {
            return _flavor.BadRequest("A file import needs 'purpose', 'filename' and 'content_url'.");
        }

        var file = new EmulatedFile(_flavor, _flavor.NewFileId(), ++_sequence, import.FileName!, import.Purpose!.Value.ToString(), 0, Array.Empty<byte>(), truncated: true, request.Now, _context.StepInterval, processed: false);
        _files[file.Id] = file;
        return Created(file);
    }

    private ServiceResponse Created(EmulatedFile file)
    {
        ServiceResponse response = ServiceResponse.Json(_flavor.CreatedStatus, JsonBodies.Model(file.ToModel()));
        return _flavor.IsAzure ? response.WithHeader("Location", _context.Endpoint.AbsoluteUri + "/openai/files/" + file.Id) : response;
    }

    /// <summary>A file that is still being processed asks to be polled again after one step (<c>retry-after-ms</c>).</summary>
    private ServiceResponse GetFile(EmulatedFile file)
    {
        ServiceResponse response = ServiceResponse.Json(200, JsonBodies.Model(file.ToModel()));
        return file.IsSettled ? response : response.WithHeader("retry-after-ms", FineTuningFlavor.Milliseconds(_context.StepInterval));
    }

    /// <summary>Azure OpenAI: every file in one page (<c>{data, object}</c>); OpenAI: newest first, paged with <c>after</c>, <c>limit</c> and <c>order</c>.</summary>
    private ServiceResponse ListFiles(ServiceRequest request)
    {
        string? purpose = request.QueryValue("purpose");
        IEnumerable<EmulatedFile> files = _files.Values.Where(f => purpose is null || f.Purpose == purpose);
        if (_flavor.IsAzure)
        {
            List<FineTuningFile> all = files.OrderBy(f => f.Sequence).Select(f => f.ToModel()).ToList();
            return ServiceResponse.Json(200, JsonBodies.Page(Paging.All(all, f => f.Id!), listObject: true, ids: false, hasMore: false));
        }

        int? limit = Paging.ReadLimit(request.QueryValue("limit"), 10_000, 10_000);
        if (limit is null)
        {
            return _flavor.BadRequest("'limit' must be an integer from 1 to 10000.", "limit");
        }

        string? order = request.QueryValue("order");
        if (order is not null && order != "asc" && order != "desc")
        {
            return _flavor.BadRequest("'order' must be 'asc' or 'desc'.", "order");
        }

        List<EmulatedFile> ordered = order == "asc" ? files.OrderBy(f => f.Sequence).ToList() : files.OrderByDescending(f => f.Sequence).ToList();
        PageSlice<EmulatedFile> page = Paging.Cut(ordered, f => f.Id, request.QueryValue("after"), null, limit.Value);
        var models = new PageSlice<FineTuningFile>(page.Items.Select(f => f.ToModel()).ToList(), page.HasMore, page.FirstId, page.LastId);
        return ServiceResponse.Json(200, JsonBodies.Page(models, listObject: true, ids: true));
    }

    /// <summary>Azure OpenAI answers <c>204</c>; OpenAI <c>200</c> with <c>{id, object, deleted}</c>.</summary>
    private ServiceResponse DeleteFile(EmulatedFile file)
    {
        _files.Remove(file.Id);
        if (_flavor.IsAzure)
        {
            return ServiceResponse.Empty(204);
        }

        return ServiceResponse.Json(200, JsonBodies.Object(writer =>
        {
            writer.WriteString("id", file.Id);
            writer.WriteString("object", "file");
            writer.WriteBoolean("deleted", true);
        }));
    }
}
