using System;
using System.Collections.Generic;
using System.IO;
using static Foundry.Training.OperationLro;
using static Foundry.Training.OperationPaging;
using static Foundry.Training.ServiceVersions;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The operation table of the two fine-tuning services — Azure OpenAI authoring <c>2024-05-01-preview</c> (relative to
/// <c>{endpoint}/openai</c>) and the OpenAI platform (relative to <c>/v1</c>) — which share their routes: the versions
/// column says which service has an operation (<see cref="AzureOpenAI"/> and <see cref="OpenAIPlatform"/> are each
/// service's own table). The fine-tuning clients build every request from it, the emulator routes by it and the tests
/// enumerate it. A placeholder is the client method's parameter name.
/// </summary>
/// <remarks>Compiled into the emulator as linked source (docs/conventions.md, "The operation tables").</remarks>
internal static class FineTuningOperations
{
    private const string Cursor = "after,limit";
    private const string Job = "/fine_tuning/jobs/{jobId}";
    private const string Upload = "/uploads/{uploadId}";
    private const string Permissions = "/fine_tuning/checkpoints/{checkpoint}/permissions";

    private static readonly OperationTable s_table = new();

    /// <summary>Every operation of both services, in the order below.</summary>
    public static IReadOnlyList<ServiceOperation> All => s_table.Operations;

    // One line per operation: name, method, route, query, response model, paging, long-running kind, versions.
    public static readonly ServiceOperation CreateJob         = s_table.Op("FineTuningClient.CreateJob",          "POST",   "/fine_tuning/jobs",              "",                            typeof(FineTuningJob),           NotPaged,   Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation GetJobs           = s_table.Op("FineTuningClient.GetJobs",            "GET",    "/fine_tuning/jobs",              Cursor + ",metadata[]",        typeof(FineTuningJob),           OperationPaging.Cursor, Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation GetJob            = s_table.Op("FineTuningClient.GetJob",             "GET",    Job,                              "",                            typeof(FineTuningJob),           NotPaged,   Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation DeleteJob         = s_table.Op("FineTuningClient.DeleteJob",          "DELETE", Job,                              "",                            null,                            NotPaged,   Immediate, AzureOpenAI2024_05_01Preview);
    public static readonly ServiceOperation CancelJob         = s_table.Op("FineTuningClient.CancelJob",          "POST",   Job + "/cancel",                  "",                            typeof(FineTuningJob),           NotPaged,   Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation PauseJob          = s_table.Op("FineTuningClient.PauseJob",           "POST",   Job + "/pause",                   "",                            typeof(FineTuningJob),           NotPaged,   Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation ResumeJob         = s_table.Op("FineTuningClient.ResumeJob",          "POST",   Job + "/resume",                  "",                            typeof(FineTuningJob),           NotPaged,   Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation GetJobEvents      = s_table.Op("FineTuningClient.GetJobEvents",       "GET",    Job + "/events",                  Cursor,                        typeof(FineTuningJobEvent),      OperationPaging.Cursor, Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation GetJobCheckpoints = s_table.Op("FineTuningClient.GetJobCheckpoints",  "GET",    Job + "/checkpoints",             Cursor,                        typeof(FineTuningJobCheckpoint), OperationPaging.Cursor, Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation UploadFile        = s_table.Op("FineTuningFilesClient.Upload",        "POST",   "/files",                         "",                            typeof(FineTuningFile),          NotPaged,   Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation ImportFile        = s_table.Op("FineTuningFilesClient.Import",        "POST",   "/files/import",                  "",                            typeof(FineTuningFile),          NotPaged,   Immediate, AzureOpenAI2024_05_01Preview);
    public static readonly ServiceOperation GetFiles          = s_table.Op("FineTuningFilesClient.GetFiles",      "GET",    "/files",                         "purpose,order," + Cursor,     typeof(FineTuningFile),          OperationPaging.Cursor, Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation GetFile           = s_table.Op("FineTuningFilesClient.Get",           "GET",    "/files/{fileId}",                "",                            typeof(FineTuningFile),          NotPaged,   Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation DeleteFile        = s_table.Op("FineTuningFilesClient.Delete",        "DELETE", "/files/{fileId}",                "",                            typeof(FineTuningDeletionResult), NotPaged,  Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation DownloadContent   = s_table.Op("FineTuningFilesClient.DownloadContent", "GET",  "/files/{fileId}/content",        "",                            typeof(Stream),                  NotPaged,   Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation CreateUpload      = s_table.Op("FineTuningFilesClient.CreateUpload",  "POST",   "/uploads",                       "",                            typeof(FineTuningUpload),        NotPaged,   Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation AddUploadPart     = s_table.Op("FineTuningFilesClient.AddUploadPart", "POST",   Upload + "/parts",                "",                            typeof(FineTuningUploadPart),    NotPaged,   Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation CompleteUpload    = s_table.Op("FineTuningFilesClient.CompleteUpload", "POST",  Upload + "/complete",             "",                            typeof(FineTuningUpload),        NotPaged,   Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation CancelUpload      = s_table.Op("FineTuningFilesClient.CancelUpload",  "POST",   Upload + "/cancel",               "",                            typeof(FineTuningUpload),        NotPaged,   Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation GetPermissions    = s_table.Op("FineTuningCheckpointPermissionsClient.GetPermissions",    "GET",    Permissions,          "project_id,order," + Cursor, typeof(FineTuningCheckpointPermission), OperationPaging.Cursor, Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation CreatePermissions = s_table.Op("FineTuningCheckpointPermissionsClient.CreatePermissions", "POST",   Permissions,          "",                           typeof(FineTuningCheckpointPermission), SinglePage, Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation DeletePermission  = s_table.Op("FineTuningCheckpointPermissionsClient.DeletePermission",  "DELETE", Permissions + "/{permissionId}", "",                 typeof(FineTuningDeletionResult), NotPaged, Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation RunGrader         = s_table.Op("FineTuningClient.RunGrader",          "POST",   "/fine_tuning/alpha/graders/run", "",                            typeof(FineTuningGraderRunResult), NotPaged, Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation ValidateGrader    = s_table.Op("FineTuningClient.ValidateGrader",     "POST",   "/fine_tuning/alpha/graders/validate", "",                       typeof(FineTuningGrader),        NotPaged,   Immediate, ServiceVersions.OpenAI);
    public static readonly ServiceOperation GetModels         = s_table.Op("FineTuningModelsClient.GetModels",    "GET",    "/models",                        "",                            typeof(FineTuningModel),         SinglePage, Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation GetModel          = s_table.Op("FineTuningModelsClient.GetModel",     "GET",    "/models/{modelId}",              "",                            typeof(FineTuningModel),         NotPaged,   Immediate, ServiceVersions.FineTuning);
    public static readonly ServiceOperation CreateIngestion   = s_table.Op("IngestionJobsClient.CreateJob",       "PUT",    "/ingestion/jobs/{jobId}",        "",                            typeof(IngestionJob),            NotPaged,   Immediate, AzureOpenAI2024_05_01Preview);
    public static readonly ServiceOperation GetIngestions     = s_table.Op("IngestionJobsClient.GetJobs",         "GET",    "/ingestion/jobs",                "",                            typeof(IngestionJob),            NextLink,   Immediate, AzureOpenAI2024_05_01Preview);
    public static readonly ServiceOperation GetIngestion      = s_table.Op("IngestionJobsClient.GetJob",          "GET",    "/ingestion/jobs/{jobId}",        "",                            typeof(IngestionJob),            NotPaged,   Immediate, AzureOpenAI2024_05_01Preview);
    public static readonly ServiceOperation GetIngestionRuns  = s_table.Op("IngestionJobsClient.GetRuns",         "GET",    "/ingestion/jobs/{jobId}/runs",   "",                            typeof(IngestionJobRun),         NextLink,   Immediate, AzureOpenAI2024_05_01Preview);
    public static readonly ServiceOperation GetIngestionRun   = s_table.Op("IngestionJobsClient.GetRun",          "GET",    "/ingestion/jobs/{jobId}/runs/{runId}", "",                      typeof(IngestionJobRun),         NotPaged,   Immediate, AzureOpenAI2024_05_01Preview);

    /// <summary>The Azure OpenAI authoring service's table.</summary>
    public static IEnumerable<ServiceOperation> AzureOpenAI => s_table.In(AzureOpenAI2024_05_01Preview);

    /// <summary>The OpenAI platform's table.</summary>
    public static IEnumerable<ServiceOperation> OpenAIPlatform => s_table.In(ServiceVersions.OpenAI);
}
