using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>How an ingestion job crawls web pages.</summary>
public sealed class CrawlingSettings : ExtensibleModel<CrawlingSettings>
{
    /// <summary>How many links deep to follow from the start URLs.</summary>
    [JsonPropertyName("maxCrawlDepth")]
    public int? MaxCrawlDepth { get; set; }

    /// <summary>The longest time, in minutes, the whole crawl may take.</summary>
    [JsonPropertyName("maxCrawlTimeInMins")]
    public int? MaxCrawlTimeInMinutes { get; set; }

    /// <summary>The longest time, in minutes, one download may take.</summary>
    [JsonPropertyName("maxDownloadTimeInMins")]
    public int? MaxDownloadTimeInMinutes { get; set; }

    /// <summary>The largest file to download.</summary>
    [JsonPropertyName("maxFileSize")]
    public long? MaxFileSize { get; set; }

    /// <summary>How many redirects to follow.</summary>
    [JsonPropertyName("maxRedirects")]
    public int? MaxRedirects { get; set; }

    /// <summary>How many files to download.</summary>
    [JsonPropertyName("maxFiles")]
    public int? MaxFiles { get; set; }
}
