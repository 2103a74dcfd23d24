using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>Reads the answer to a delete: the service's deletion result, or, for an answer without a body (Azure OpenAI's <c>204</c>), one built from the request.</summary>
internal static class DeletionResults
{
    public static Response<FineTuningDeletionResult> Read(ServicePipeline pipeline, Response response, string id)
    {
        if (response.Status == 204 || response.Content.ToMemory().IsEmpty)
        {
            return Response.FromValue(new FineTuningDeletionResult { Id = id, Deleted = true }, response);
        }

        return Response.FromValue(pipeline.Read(response, ModelSerialization.GetTypeInfo<FineTuningDeletionResult>(pipeline.Json)), response);
    }
}
