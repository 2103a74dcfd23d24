using System;

namespace Foundry.Training.Datasets;

/// <summary>Options for <c>DatasetsClient.UploadFile</c> and <c>UploadFolder</c>.</summary>
public class DatasetUploadOptions
{
    /// <summary>Told how far the upload has got (bytes sent of the total), at least every MiB and at the end.</summary>
    public IProgress<DatasetUploadProgress>? Progress { get; set; }

    /// <summary>The description of the new version.</summary>
    public string? Description { get; set; }

    /// <summary>The Azure Storage connection to upload through; the project's default when null.</summary>
    public string? ConnectionName { get; set; }
}
