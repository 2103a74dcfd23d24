using System;
using System.Collections.Generic;
using System.Linq;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    /// <summary>The routes of this resource (<see cref="TrainingJobsOperations"/>).</summary>
    private void MapInputs(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[TrainingJobsOperations.GetInputs] = OfJob((job, _, _) => ListInputs(job));
        routes[TrainingJobsOperations.GetInput] = OfJob((job, _, v) => GetInput(job, v["inputName"]));
        routes[TrainingJobsOperations.GetAttemptInputs] = OfAttempt((job, _, _, _) => ListInputs(job));
        routes[TrainingJobsOperations.GetAttemptInput] = OfAttempt((job, _, _, v) => GetInput(job, v["inputName"]));
    }

    /// <summary>
    /// The inputs the job's run records (its execution view), from the moment the job exists: each declared input (a URI
    /// input's asset is its URI; a literal has none), then, for a recipe, the base <c>model</c> and the <c>train</c> and
    /// <c>eval</c> datasets it names, unless an input of that name was declared. Sorted by name.
    /// </summary>
    private static List<JobExecutionAssetReference> InputsOf(EmulatedTrainingJob job)
    {
        var inputs = new SortedDictionary<string, JobExecutionAssetReference>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JobInput> input in job.Spec.Inputs)
        {
            bool literal = input.Value.JobInputType == AssetTypes.Literal;
            inputs[input.Key] = TrainingModelFactory.JobExecutionAssetReference(input.Key, input.Value.JobInputType.ToString(), literal ? null : input.Value.Uri);
        }

        if (job.Spec.Training is { } recipe)
        {
            AddRecipeInput(inputs, "model", AssetTypes.SafetensorsModel, recipe.Model);
            AddRecipeInput(inputs, "train", AssetTypes.UriFile, recipe.Dataset?.Train);
            AddRecipeInput(inputs, "eval", AssetTypes.UriFile, recipe.Dataset?.Eval);
        }

        return inputs.Values.ToList();
    }

    private static void AddRecipeInput(SortedDictionary<string, JobExecutionAssetReference> inputs, string name, AssetTypes type, string? assetId)
    {
        if (!string.IsNullOrEmpty(assetId) && !inputs.ContainsKey(name))
        {
            inputs[name] = TrainingModelFactory.JobExecutionAssetReference(name, type.ToString(), assetId);
        }
    }

    private static ServiceResponse ListInputs(EmulatedTrainingJob job) =>
        ServiceResponse.Json(200, JsonBodies.Page(Paging.All(InputsOf(job), i => i.Name), listObject: false, ids: true));

    private static ServiceResponse GetInput(EmulatedTrainingJob job, string name)
    {
        JobExecutionAssetReference? input = InputsOf(job).FirstOrDefault(i => i.Name == name);
        return input is null
            ? ServiceErrors.Foundry(404, "NotFound", $"Input '{name}' of training job '{job.Name}' was not found.")
            : ServiceResponse.Json(200, JsonBodies.Model(input));
    }
}
