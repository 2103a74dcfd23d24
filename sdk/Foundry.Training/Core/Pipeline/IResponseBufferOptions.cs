namespace Foundry.Training;

/// <summary>Client options that bound how much of a response is read into memory; <see cref="ResponseBufferPolicy"/> reads them per response.</summary>
internal interface IResponseBufferOptions
{
    /// <summary>The largest response body, in bytes, read into memory.</summary>
    long MaxResponseContentBufferSize { get; }
}
