using System;

namespace Foundry.Training.Jobs;

public static partial class TrainingModelFactory
{
    /// <summary>Builds a <see cref="Jobs.JobOutputReference"/>.</summary>
    /// <param name="name">Output name.</param>
    /// <param name="type">Output asset type.</param>
    /// <param name="mode">Output delivery mode.</param>
    /// <param name="uri">Output storage URI.</param>
    /// <param name="assetName">Registered asset name, if the output produced an asset.</param>
    /// <param name="assetVersion">Registered asset version, if the output produced an asset.</param>
    /// <param name="baseModelId">Base model ID for model outputs.</param>
    /// <param name="description">Output description.</param>
    /// <returns>The model.</returns>
    public static JobOutputReference JobOutputReference(
        string? name = null,
        AssetTypes? type = null,
        InputOutputModes? mode = null,
        string? uri = null,
        string? assetName = null,
        string? assetVersion = null,
        string? baseModelId = null,
        string? description = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Type = type,
            Mode = mode,
            Uri = uri,
            AssetName = assetName,
            AssetVersion = assetVersion,
            BaseModelId = baseModelId,
            Description = description,
        };

    /// <summary>Builds a <see cref="Jobs.JobExecutionAssetReference"/>.</summary>
    /// <param name="name">Input name.</param>
    /// <param name="type">Asset type as the backing run recorded it.</param>
    /// <param name="assetId">Identifier of the asset the input resolved to.</param>
    /// <returns>The model.</returns>
    public static JobExecutionAssetReference JobExecutionAssetReference(string? name = null, string? type = null, string? assetId = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Type = type,
            AssetId = assetId,
        };
}
