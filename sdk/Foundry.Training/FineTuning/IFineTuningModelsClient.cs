using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>The operations of <see cref="FineTuningModelsClient"/>, for mocking and decoration.</summary>
public interface IFineTuningModelsClient
{
    /// <inheritdoc cref="FineTuningModelsClient.GetModelsAsync"/>
    AsyncPageable<FineTuningModel> GetModelsAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningModelsClient.GetModels"/>
    Pageable<FineTuningModel> GetModels(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningModelsClient.GetModelAsync"/>
    Task<Response<FineTuningModel>> GetModelAsync(string modelId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningModelsClient.GetModel"/>
    Response<FineTuningModel> GetModel(string modelId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningModelsClient.GetModelIfExistsAsync"/>
    Task<NullableResponse<FineTuningModel>> GetModelIfExistsAsync(string modelId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningModelsClient.GetModelIfExists"/>
    NullableResponse<FineTuningModel> GetModelIfExists(string modelId, CancellationToken cancellationToken = default);
}
