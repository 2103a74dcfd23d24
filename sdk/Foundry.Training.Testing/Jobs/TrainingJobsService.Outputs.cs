using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    /// <summary>The routes of this resource (<see cref="TrainingJobsOperations"/>).</summary>
    private void MapOutputs(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[TrainingJobsOperations.GetOutputs] = OfJob((job, _, _) => ListOutputs(job, job.Status == TrainingJobStatus.Completed));
        routes[TrainingJobsOperations.GetOutput] = OfJob((job, _, v) => GetOutput(job, job.Status == TrainingJobStatus.Completed, v["outputName"]));
        routes[TrainingJobsOperations.GetAttemptOutputs] = OfAttempt((job, a, _, _) => ListOutputs(job, a.Status == JobAttemptStatus.Completed));
        routes[TrainingJobsOperations.GetAttemptOutput] = OfAttempt((job, a, _, v) => GetOutput(job, a.Status == JobAttemptStatus.Completed, v["outputName"]));
    }

    /// <summary>
    /// Outputs exist once the job (or, for an attempt's, the attempt) <paramref name="completed"/>: each declared output,
    /// or a <c>model</c> output for a recipe that declares none. An attempt that did not complete registered none.
    /// </summary>
    private static List<JobOutputReference> OutputsOf(EmulatedTrainingJob job, bool completed)
    {
        var outputs = new List<JobOutputReference>();
        if (!completed)
        {
            return outputs;
        }

        string? baseModel = job.Spec.Training?.Model;
        foreach (KeyValuePair<string, JobOutput> output in job.Spec.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            outputs.Add(TrainingModelFactory.JobOutputReference(
                name: output.Key,
                type: output.Value.JobOutputType,
                mode: output.Value.Mode ?? InputOutputModes.ReadWriteMount,
                uri: output.Value.Uri ?? DefaultOutputUri(job, output.Key),
                assetName: output.Value.AssetName ?? job.Name + "-" + output.Key,
                assetVersion: output.Value.AssetVersion ?? "1",
                baseModelId: output.Value.BaseModelId ?? (output.Value.JobOutputType == AssetTypes.SafetensorsModel ? baseModel : null),
                description: output.Value.Description));
        }

        if (outputs.Count == 0 && job.Spec.Training is not null)
        {
            outputs.Add(TrainingModelFactory.JobOutputReference(
                name: "model",
                type: AssetTypes.SafetensorsModel,
                mode: InputOutputModes.ReadWriteMount,
                uri: DefaultOutputUri(job, "model"),
                assetName: job.Name + "-model",
                assetVersion: "1",
                baseModelId: baseModel,
                description: "The trained model."));
        }

        return outputs;
    }

    private static string DefaultOutputUri(EmulatedTrainingJob job, string output) =>
        "azureai://datastores/workspaceblobstore/paths/training_jobs/" + Uri.EscapeDataString(job.Name) + "/outputs/" + Uri.EscapeDataString(output);

    private static ServiceResponse ListOutputs(EmulatedTrainingJob job, bool completed) =>
        ServiceResponse.Json(200, JsonBodies.Page(Paging.All(OutputsOf(job, completed), o => o.Name), listObject: false, ids: true));

    private static ServiceResponse GetOutput(EmulatedTrainingJob job, bool completed, string name)
    {
        JobOutputReference? output = OutputsOf(job, completed).FirstOrDefault(o => o.Name == name);
        return output is null
            ? ServiceErrors.Foundry(404, "NotFound", $"Output '{name}' of training job '{job.Name}' was not found{(completed ? string.Empty : " (outputs appear when the job completes)")}.")
            : ServiceResponse.Json(200, JsonBodies.Model(output));
    }
}
