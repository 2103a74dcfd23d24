using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Conformance;

/// <summary>
/// The OpenAI platform's Uploads API, checkpoint permissions and graders: each operation alone, and a file uploaded in
/// parts (a flow of create, parts and complete).
/// </summary>
internal static class OpenAIPlatformUploadOperations
{
    private const string Id = "[^/]+";

    public static IReadOnlyList<ConformanceOperation> All { get; } = Create();

    private static List<ConformanceOperation> Create() => new()
    {
        // Uploads API
        new()
        {
            Name = "FineTuningFilesClient.CreateUpload", SpecOperation = "createUpload", Method = "POST", PathPattern = "^/uploads$",
            Body = async (c, async, ct) =>
            {
                var options = new FineTuningUploadCreateOptions("parts.jsonl", FilePurpose.FineTune, Fixture.UploadBytes, "text/jsonl")
                {
                    ExpiresAfter = new FineTuningFileExpiration(TimeSpan.FromHours(2)),
                };
                return Describe((async ? await c.Files.CreateUploadAsync(options, ct) : c.Files.CreateUpload(options, ct)).Value);
            },
        },
        new()
        {
            Name = "FineTuningFilesClient.AddUploadPart", SpecOperation = "addUploadPart", Method = "POST", PathPattern = "^/uploads/" + Id + "/parts$",
            Body = async (c, async, ct) =>
            {
                string upload = await c.Fixture.NewUploadAsync(ct);
                using var data = new MemoryStream(new byte[Fixture.UploadBytes]);
                FineTuningUploadPart part = (async ? await c.Files.AddUploadPartAsync(upload, data, ct) : c.Files.AddUploadPart(upload, data, ct)).Value;
                return $"part {part.Id} of {part.UploadId}";
            },
        },
        new()
        {
            Name = "FineTuningFilesClient.CompleteUpload (md5)", SpecOperation = "completeUpload", Method = "POST", PathPattern = "^/uploads/" + Id + "/complete$",
            Body = async (c, async, ct) =>
            {
                (string upload, string part) = await c.Fixture.NewUploadWithPartAsync(ct);
                const string md5 = "4ae71336e44bf9bf79d2752e234818a5"; // of 16 zero bytes
                return Describe((async ? await c.Files.CompleteUploadAsync(upload, new[] { part }, md5, ct) : c.Files.CompleteUpload(upload, new[] { part }, md5, ct)).Value);
            },
        },
        new()
        {
            Name = "FineTuningFilesClient.CancelUpload", SpecOperation = "cancelUpload", Method = "POST", PathPattern = "^/uploads/" + Id + "/cancel$",
            Body = async (c, async, ct) =>
            {
                string upload = await c.Fixture.NewUploadAsync(ct);
                return Describe((async ? await c.Files.CancelUploadAsync(upload, ct) : c.Files.CancelUpload(upload, ct)).Value);
            },
        },
        new()
        {
            Name = "FineTuningFilesClient.Upload (in parts, flow)", SpecOperation = "createUpload", Method = null, PathPattern = null,
            Directions = new[] { ServiceNames.Response },
            OneDirectionReason = "a mock answers each part with made-up ids and sizes, so a completion of several parts means nothing there",
            Body = async (c, async, ct) =>
            {
                using var content = new MemoryStream(new byte[3 * Fixture.UploadBytes]);
                var options = new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts, PartSize = Fixture.UploadBytes, MaxConcurrency = 2 };
                Response<FineTuningFile> file = async
                    ? await c.Files.UploadAsync(content, "parts.jsonl", FilePurpose.FineTune, options, ct)
                    : c.Files.Upload(content, "parts.jsonl", FilePurpose.FineTune, options, ct);
                return AzureOpenAIOperations.Describe(file.Value);
            },
        },

        // Checkpoint permissions
        new()
        {
            Name = "FineTuningCheckpointPermissionsClient.GetPermissions (project_id, order, limit)", SpecOperation = "listFineTuningCheckpointPermissions", Method = "GET",
            PathPattern = "^/fine_tuning/checkpoints/" + Id + "/permissions$",
            Body = async (c, async, ct) =>
            {
                FineTuningCheckpointPermissionsClient permissions = c.Client.GetCheckpointPermissionsClient();
                var options = new FineTuningCheckpointPermissionListOptions { Order = "ascending", Limit = 5, ProjectId = c.Fixture.IsEmulator ? null : "proj_abGMw1llN8IrBb6SvvY5A1iH" };
                return async
                    ? await OperationContext.ReadPagesAsync(permissions.GetPermissionsAsync(c.Fixture.Checkpoint, options, ct), maxPages: 2)
                    : OperationContext.ReadPages(permissions.GetPermissions(c.Fixture.Checkpoint, options, ct), maxPages: 2);
            },
        },
        new()
        {
            Name = "FineTuningCheckpointPermissionsClient.CreatePermissions", SpecOperation = "createFineTuningCheckpointPermission", Method = "POST",
            PathPattern = "^/fine_tuning/checkpoints/" + Id + "/permissions$",
            Body = async (c, async, ct) =>
            {
                FineTuningCheckpointPermissionsClient permissions = c.Client.GetCheckpointPermissionsClient();
                string[] projects = { "proj_" + Guid.NewGuid().ToString("N") };
                IReadOnlyList<FineTuningCheckpointPermission> created = (async
                    ? await permissions.CreatePermissionsAsync(c.Fixture.Checkpoint, projects, ct)
                    : permissions.CreatePermissions(c.Fixture.Checkpoint, projects, ct)).Value;
                return $"{created.Count} permission(s)";
            },
        },
        new()
        {
            Name = "FineTuningCheckpointPermissionsClient.DeletePermission", SpecOperation = "deleteFineTuningCheckpointPermission", Method = "DELETE",
            PathPattern = "^/fine_tuning/checkpoints/" + Id + "/permissions/" + Id + "$",
            Body = async (c, async, ct) =>
            {
                FineTuningCheckpointPermissionsClient permissions = c.Client.GetCheckpointPermissionsClient();
                string permission = await c.Fixture.NewPermissionAsync(ct);
                FineTuningDeletionResult deleted = (async
                    ? await permissions.DeletePermissionAsync(c.Fixture.Checkpoint, permission, ct)
                    : permissions.DeletePermission(c.Fixture.Checkpoint, permission, ct)).Value;
                return $"deleted {deleted.Deleted}";
            },
        },

        // Graders
        new()
        {
            Name = "FineTuningClient.RunGrader (string_check, item)", SpecOperation = "runGrader", Method = "POST", PathPattern = "^/fine_tuning/alpha/graders/run$",
            Body = async (c, async, ct) =>
            {
                var grader = new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "{{item.label}}", Operation = StringCheckOperation.Equal };
                var item = new Dictionary<string, JsonNode?> { ["label"] = "Paris" };
                FineTuningGraderRunResult result = (async ? await c.Client.RunGraderAsync(grader, "Paris", item, ct) : c.Client.RunGrader(grader, "Paris", item, ct)).Value;
                return $"reward {result.Reward}";
            },
        },
        new()
        {
            Name = "FineTuningClient.ValidateGrader (text_similarity)", SpecOperation = "validateGrader", Method = "POST", PathPattern = "^/fine_tuning/alpha/graders/validate$",
            Body = async (c, async, ct) =>
            {
                var grader = new TextSimilarityGrader { Name = "sim", Input = "{{sample.output_text}}", Reference = "{{item.label}}", EvaluationMetric = TextSimilarityMetric.FuzzyMatch };
                FineTuningGrader validated = (async ? await c.Client.ValidateGraderAsync(grader, ct) : c.Client.ValidateGrader(grader, ct)).Value;
                return $"grader {validated.Type}";
            },
        },
    };

    private static string Describe(FineTuningUpload upload) => $"upload {upload.Id} {upload.Status}" + (upload.File is null ? string.Empty : " file " + upload.File.Id);
}
