namespace Foundry.Training.FineTuning;

/// <summary>How a file is sent (<see cref="FineTuningFileUploadOptions.Mode"/>).</summary>
public enum FileUploadMode
{
    /// <summary>Parts through the Uploads API above <see cref="FineTuningFileUploadOptions.SingleRequestLimit"/> on the OpenAI platform (when the size is known), one request otherwise.</summary>
    Automatic = 0,

    /// <summary>One <c>multipart/form-data</c> request (<c>POST /files</c>), whatever the size.</summary>
    SingleRequest = 1,

    /// <summary>Parts through the Uploads API (OpenAI platform only; the size must be known: a seekable stream or a path).</summary>
    Parts = 2,
}
