using System.Globalization;

namespace Foundry.Training.Jobs;

/// <summary>
/// The escaped paths of the training jobs routes (routes.tsp, and the inputs and per-node services of
/// routes.later-revision.tsp), relative to the project endpoint. Every caller value
/// goes through <see cref="PathSegment"/>, which refuses what cannot stay in its segment with an
/// <see cref="System.ArgumentException"/> naming the parameter (the public methods' names by default; pass another
/// where a method calls it differently).
/// </summary>
internal static class TrainingJobsRoutes
{
    public const string Jobs = "/training_jobs";

    public static string Job(string jobName, string jobParameter = "jobName") => Jobs + "/" + PathSegment.Escape(jobName, jobParameter);

    public static string Cancel(string jobName, string jobParameter = "jobName") => Job(jobName, jobParameter) + ":cancel";

    public static string Services(string jobName) => Job(jobName) + "/services";

    public static string NodeServices(string jobName, int nodeId) => Job(jobName) + "/nodes/" + nodeId.ToString(CultureInfo.InvariantCulture) + "/services";

    public static string OperationStatus(string operationId, string operationParameter = "operationId") =>
        Jobs + "/operations/" + PathSegment.Escape(operationId, operationParameter) + "/status";

    public static string OperationResult(string operationId) => Jobs + "/operations/" + PathSegment.Escape(operationId, nameof(operationId)) + "/result";

    public static string Attempts(string jobName) => Job(jobName) + "/attempts";

    public static string Attempt(string jobName, string attemptId) => Attempts(jobName) + "/" + PathSegment.Escape(attemptId, nameof(attemptId));

    public static string Artifacts(string jobName, string attemptId) => Attempt(jobName, attemptId) + "/artifacts";

    public static string Metrics(string jobName, string attemptId) => Attempt(jobName, attemptId) + "/metrics";

    public static string Metric(string jobName, string attemptId, string metricName) => Metrics(jobName, attemptId) + "/" + PathSegment.Escape(metricName, nameof(metricName));

    public static string Outputs(string jobName) => Job(jobName) + "/outputs";

    public static string Output(string jobName, string outputName) => Outputs(jobName) + "/" + PathSegment.Escape(outputName, nameof(outputName));

    public static string AttemptOutputs(string jobName, string attemptId) => Attempt(jobName, attemptId) + "/outputs";

    public static string AttemptOutput(string jobName, string attemptId, string outputName) => AttemptOutputs(jobName, attemptId) + "/" + PathSegment.Escape(outputName, nameof(outputName));

    public static string Inputs(string jobName) => Job(jobName) + "/inputs";

    public static string Input(string jobName, string inputName) => Inputs(jobName) + "/" + PathSegment.Escape(inputName, nameof(inputName));

    public static string AttemptInputs(string jobName, string attemptId) => Attempt(jobName, attemptId) + "/inputs";

    public static string AttemptInput(string jobName, string attemptId, string inputName) => AttemptInputs(jobName, attemptId) + "/" + PathSegment.Escape(inputName, nameof(inputName));
}
