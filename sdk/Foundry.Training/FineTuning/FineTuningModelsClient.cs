using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Base models and fine-tuned models: what they can do, their life cycle and when support ends (Azure OpenAI), or
/// their owner and shutdown date (OpenAI platform). Obtain it from <see cref="FineTuningClient.GetModelsClient"/>.
/// </summary>
public class FineTuningModelsClient : IFineTuningModelsClient
{
    private readonly ServicePipeline _pipeline = null!;

    /// <summary>For mocking.</summary>
    protected FineTuningModelsClient()
    {
    }

    internal FineTuningModelsClient(ServicePipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <summary>
    /// Lists the models the resource or organization can use: base models and successfully fine-tuned models (both
    /// services; one page).
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models.</returns>
    public virtual AsyncPageable<FineTuningModel> GetModelsAsync(CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetModels, ModelsFetcher(), null, cancellationToken);

    /// <inheritdoc cref="GetModelsAsync"/>
    public virtual Pageable<FineTuningModel> GetModels(CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetModels, ModelsFetcher(), null, cancellationToken);

    /// <summary>Gets a base or fine-tuned model (both services).</summary>
    /// <param name="modelId">The model id, for example <c>gpt-4o-mini</c> or a fine-tuned model's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request, for example 404 for an unknown model.</exception>
    public virtual Task<Response<FineTuningModel>> GetModelAsync(string modelId, CancellationToken cancellationToken = default) =>
        GetModelCoreAsync(modelId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetModelAsync"/>
    public virtual Response<FineTuningModel> GetModel(string modelId, CancellationToken cancellationToken = default) =>
        GetModelCoreAsync(modelId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<FineTuningModel>> GetModelCoreAsync(string modelId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueAsync<FineTuningModel>(
            FineTuningOperations.GetModel,
            FineTuningOperations.GetModel.Path(modelId),
            null,
            null,
            modelId,
            async,
            cancellationToken,
            (scope, model) => scope.SetStatus(model.Status?.ToString()));

    private PageFetcher<FineTuningModel> ModelsFetcher() =>
        ListPaging.SinglePage(
            _pipeline,
            () => _pipeline.CreateRequest(FineTuningOperations.GetModels, FineTuningOperations.GetModels.Path()),
            ModelSerialization.GetTypeInfo<FineTuningModel>(_pipeline.Json));
}
