namespace Foundry.Training.FineTuning;

/// <summary>
/// The escaped paths of the fine-tuning routes of Azure OpenAI (relative to <c>{endpoint}/openai</c>) and the OpenAI
/// platform (relative to <c>/v1</c>), for the jobs, files, models and ingestion jobs clients. Every caller value goes
/// through <see cref="PathSegment"/>, which refuses what cannot stay in its segment with an
/// <see cref="System.ArgumentException"/> naming the parameter.
/// </summary>
internal static class FineTuningRoutes
{
    public const string Jobs = "/fine_tuning/jobs";

    public const string Files = "/files";

    public const string FileImport = "/files/import";

    public const string Models = "/models";

    public const string IngestionJobs = "/ingestion/jobs";

    public const string Uploads = "/uploads";

    public const string GraderRun = "/fine_tuning/alpha/graders/run";

    public const string GraderValidate = "/fine_tuning/alpha/graders/validate";

    public static string Job(string jobId) => Jobs + "/" + PathSegment.Escape(jobId, nameof(jobId));

    public static string CancelJob(string jobId) => Job(jobId) + "/cancel";

    public static string PauseJob(string jobId) => Job(jobId) + "/pause";

    public static string ResumeJob(string jobId) => Job(jobId) + "/resume";

    public static string JobEvents(string jobId) => Job(jobId) + "/events";

    public static string JobCheckpoints(string jobId) => Job(jobId) + "/checkpoints";

    public static string File(string fileId) => Files + "/" + PathSegment.Escape(fileId, nameof(fileId));

    public static string FileContent(string fileId) => File(fileId) + "/content";

    public static string Model(string modelId) => Models + "/" + PathSegment.Escape(modelId, nameof(modelId));

    public static string IngestionJob(string jobId) => IngestionJobs + "/" + PathSegment.Escape(jobId, nameof(jobId));

    public static string IngestionRuns(string jobId) => IngestionJob(jobId) + "/runs";

    public static string IngestionRun(string jobId, string runId) => IngestionRuns(jobId) + "/" + PathSegment.Escape(runId, nameof(runId));

    public static string Upload(string uploadId) => Uploads + "/" + PathSegment.Escape(uploadId, nameof(uploadId));

    public static string UploadParts(string uploadId) => Upload(uploadId) + "/parts";

    public static string CompleteUpload(string uploadId) => Upload(uploadId) + "/complete";

    public static string CancelUpload(string uploadId) => Upload(uploadId) + "/cancel";

    public static string CheckpointPermissions(string checkpoint) =>
        "/fine_tuning/checkpoints/" + PathSegment.Escape(checkpoint, nameof(checkpoint)) + "/permissions";

    public static string CheckpointPermission(string checkpoint, string permissionId) =>
        CheckpointPermissions(checkpoint) + "/" + PathSegment.Escape(permissionId, nameof(permissionId));
}
