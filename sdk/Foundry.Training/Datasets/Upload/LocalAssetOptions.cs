using System;

namespace Foundry.Training.Datasets;

/// <summary>Options for <c>DatasetsClient.ResolveLocalPathsAsync</c>: where relative paths start and how uploads are named.</summary>
public class LocalAssetOptions
{
    /// <summary>The folder relative local paths are read from; the current directory when null.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>
    /// The prefix of the dataset names uploads get: <c>{prefix}{file or folder name}</c> with characters other than
    /// letters, digits, <c>-</c> and <c>_</c> replaced by <c>-</c>. Defaults to <c>local-</c>. Each version is named by
    /// its content hash, so an unchanged file or folder is not uploaded again.
    /// </summary>
    public string NamePrefix { get; set; } = "local-";

    /// <summary>Told how far each upload has got.</summary>
    public IProgress<DatasetUploadProgress>? Progress { get; set; }
}
