using System;
using System.Collections.Generic;
using System.Linq;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

internal sealed partial class FineTuningService
{
    /// <summary>The models' operations.</summary>
    private void MapModels(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[FineTuningOperations.GetModels] = (_, _) => ListModels();
        routes[FineTuningOperations.GetModel] = (_, v) => GetModel(v["modelId"]);
    }

    private static readonly DateTimeOffset s_fineTuneRetirement = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_inferenceRetirement = new(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private ServiceResponse ListModels() =>
        ServiceResponse.Json(200, JsonBodies.Page(Paging.All(_models.Select(ToModel).ToList(), m => m.Id!), listObject: true, ids: false, hasMore: false));

    private ServiceResponse GetModel(string id)
    {
        EmulatedModel? model = _models.FirstOrDefault(m => m.Id == id);
        return model is null
            ? _flavor.Error(404, "notFound", "model_not_found", $"The model '{id}' does not exist or you do not have access to it.")
            : ServiceResponse.Json(200, JsonBodies.Model(ToModel(model)));
    }

    /// <summary>Azure OpenAI describes capabilities, life cycle and deprecation; OpenAI only the owner and creation time.</summary>
    private FineTuningModel ToModel(EmulatedModel model)
    {
        if (!_flavor.IsAzure)
        {
            return FineTuningModelFactory.FineTuningModel(
                id: model.Id,
                created: model.CreatedAt,
                ownedBy: model.JobId is null ? "system" : "user-emulator");
        }

        bool fineTuned = model.JobId is not null;
        return FineTuningModelFactory.FineTuningModel(
            id: model.Id,
            status: FineTuningState.Succeeded,
            model: model.BaseModel,
            fineTune: model.JobId,
            capabilities: FineTuningModelFactory.ModelCapabilities(fineTune: true, inference: true, completion: false, chatCompletion: true, embeddings: false),
            lifecycleStatus: LifeCycleStatus.GenerallyAvailable,
            deprecation: fineTuned
                ? FineTuningModelFactory.ModelDeprecation(inference: s_inferenceRetirement)
                : FineTuningModelFactory.ModelDeprecation(fineTune: s_fineTuneRetirement, inference: s_inferenceRetirement),
            createdAt: model.CreatedAt);
    }
}
