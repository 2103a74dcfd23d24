namespace Foundry.Training.Datasets;

/// <summary>How far an upload has got, over all of its files.</summary>
public sealed class DatasetUploadProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="bytesTransferred">The bytes sent so far.</param>
    /// <param name="totalBytes">The bytes of all files of the upload.</param>
    public DatasetUploadProgress(long bytesTransferred, long totalBytes)
    {
        BytesTransferred = bytesTransferred;
        TotalBytes = totalBytes;
    }

    /// <summary>The bytes sent so far (a block sent again after a failure counts once).</summary>
    public long BytesTransferred { get; }

    /// <summary>The bytes of all files of the upload.</summary>
    public long TotalBytes { get; }
}
