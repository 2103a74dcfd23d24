using System;
using System.Globalization;

namespace Foundry.Training.Jobs;

/// <summary>The escaped paths of the training jobs routes (routes.tsp, and the inputs and per-node services of routes.later-revision.tsp), relative to the project endpoint.</summary>
internal static class TrainingJobsRoutes
{
    public const string Jobs = "/training_jobs";

    public static string Job(string name) => Jobs + "/" + Escape(name);

    public static string Cancel(string name) => Job(name) + ":cancel";

    public static string Services(string name) => Job(name) + "/services";

    public static string NodeServices(string name, int nodeId) => Job(name) + "/nodes/" + nodeId.ToString(CultureInfo.InvariantCulture) + "/services";

    public static string OperationStatus(string operationId) => Jobs + "/operations/" + Escape(operationId) + "/status";

    public static string OperationResult(string operationId) => Jobs + "/operations/" + Escape(operationId) + "/result";

    public static string Attempts(string name) => Job(name) + "/attempts";

    public static string Attempt(string name, string attemptId) => Attempts(name) + "/" + Escape(attemptId);

    public static string Artifacts(string name, string attemptId) => Attempt(name, attemptId) + "/artifacts";

    public static string Metrics(string name, string attemptId) => Attempt(name, attemptId) + "/metrics";

    public static string Metric(string name, string attemptId, string metricName) => Metrics(name, attemptId) + "/" + Escape(metricName);

    public static string Outputs(string name) => Job(name) + "/outputs";

    public static string Output(string name, string outputName) => Outputs(name) + "/" + Escape(outputName);

    public static string AttemptOutputs(string name, string attemptId) => Attempt(name, attemptId) + "/outputs";

    public static string AttemptOutput(string name, string attemptId, string outputName) => AttemptOutputs(name, attemptId) + "/" + Escape(outputName);

    public static string Inputs(string name) => Job(name) + "/inputs";

    public static string Input(string name, string inputName) => Inputs(name) + "/" + Escape(inputName);

    public static string AttemptInputs(string name, string attemptId) => Attempt(name, attemptId) + "/inputs";

    public static string AttemptInput(string name, string attemptId, string inputName) => AttemptInputs(name, attemptId) + "/" + Escape(inputName);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
