using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A file for Azure OpenAI to download from a URL (<c>POST /files/import</c>), such as a blob SAS URL.</summary>
public class FineTuningFileImport : ExtensibleModel<FineTuningFileImport>
{
    /// <summary>Creates an empty import; set every property.</summary>
    public FineTuningFileImport()
    {
    }

    /// <summary>Creates an import with the required values.</summary>
    /// <param name="contentUrl">Where the service downloads the content from with a GET request.</param>
    /// <param name="fileName">The name of the JSON Lines file.</param>
    /// <param name="purpose">The purpose, <see cref="FilePurpose.FineTune"/> for training data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contentUrl"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty or <paramref name="contentUrl"/> is not absolute.</exception>
    public FineTuningFileImport(Uri contentUrl, string fileName, FilePurpose purpose)
    {
        Argument.AssertNotNull(contentUrl, nameof(contentUrl));
        Argument.AssertNotNullOrEmpty(fileName, nameof(fileName));
        if (!contentUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The content URL must be absolute.", nameof(contentUrl));
        }

        ContentUrl = contentUrl;
        FileName = fileName;
        Purpose = purpose;
    }

    /// <summary>The purpose of the file. Required. (<c>purpose</c>)</summary>
    [JsonPropertyName("purpose")]
    public FilePurpose? Purpose { get; set; }

    /// <summary>The name of the file. Required. (<c>filename</c>)</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; set; }

    /// <summary>
    /// Where the service downloads the content from (a blob SAS URL or any URL reachable with GET). It may carry a
    /// secret (a SAS signature): it is sent only in the request body. Required. (<c>content_url</c>)
    /// </summary>
    /// <remarks>A value that is not a URI <see cref="Uri"/> accepts (a host with a comma, say) reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("content_url")]
    public Uri? ContentUrl { get; set; }
}
