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
    /// <exception cref="RequestFailedException">The service failed the request, for example 404 for an unknown model (<see cref="GetModelIfExistsAsync"/> answers that without an exception).</exception>
    public virtual Task<Response<FineTuningModel>> GetModelAsync(string modelId, CancellationToken cancellationToken = default) =>
        GetModelCoreAsync(modelId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetModelAsync"/>
    public virtual Response<FineTuningModel> GetModel(string modelId, CancellationToken cancellationToken = default) =>
        GetModelCoreAsync(modelId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a base or fine-tuned model if it exists (both services): a 404 is an answer here, not a failure.</summary>
    /// <param name="modelId">The model id, for example <c>gpt-4o-mini</c> or a fine-tuned model's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The model (as <see cref="GetModelAsync"/> reads it), or, when there is no such model, a response whose
    /// <see cref="NullableResponse{T}.HasValue"/> is false (its raw response is the 404; Azure.Core does not log it as an
    /// error response, and the span does not fail).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request with a status other than 404.</exception>
    public virtual Task<NullableResponse<FineTuningModel>> GetModelIfExistsAsync(string modelId, CancellationToken cancellationToken = default) =>
        GetModelIfExistsCoreAsync(modelId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetModelIfExistsAsync"/>
    public virtual NullableResponse<FineTuningModel> GetModelIfExists(string modelId, CancellationToken cancellationToken = default) =>
        GetModelIfExistsCoreAsync(modelId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<FineTuningModel>> GetModelCoreAsync(string modelId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueAsync<FineTuningModel>(FineTuningOperations.GetModel, FineTuningOperations.GetModel.Path(modelId), null, null, modelId, async, cancellationToken, TagStatus);

    /// <summary>The GET of <see cref="GetModelCoreAsync"/> (same span, same request), a 404 answered as no value.</summary>
    private ValueTask<NullableResponse<FineTuningModel>> GetModelIfExistsCoreAsync(string modelId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueOrNotFoundAsync<FineTuningModel>(FineTuningOperations.GetModel, FineTuningOperations.GetModel.Path(modelId), null, modelId, async, cancellationToken, TagStatus);

    /// <summary>Tags a span with the model's life cycle status.</summary>
    private static void TagStatus(OperationScope scope, FineTuningModel model) => scope.SetStatus(model.Status?.ToString());

    private PageFetcher<FineTuningModel> ModelsFetcher() =>
        ListPaging.SinglePage(
            _pipeline,
            () => _pipeline.CreateRequest(FineTuningOperations.GetModels, FineTuningOperations.GetModels.Path()),
            ModelSerialization.GetTypeInfo<FineTuningModel>(_pipeline.Json));
}
