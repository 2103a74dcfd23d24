using System.Globalization;

namespace Foundry.Training.Samples;

/// <summary>
/// Which fine-tuning service OpenAIFineTuning talks to: Azure OpenAI when <see cref="AzureOpenAIEndpoint"/> is set,
/// else the OpenAI platform when <see cref="OpenAIApiKey"/> is set, else the OpenAI platform of the embedded emulator.
/// </summary>
public sealed record OpenAIFineTuningSettings
{
    /// <summary>Your Azure OpenAI resource (<c>AZURE_OPENAI_ENDPOINT</c>), for example <c>https://my-resource.openai.azure.com</c>.</summary>
    public Uri? AzureOpenAIEndpoint { get; init; }

    /// <summary>The Azure OpenAI key (<c>AZURE_OPENAI_API_KEY</c>); without one, Entra ID through <c>DefaultAzureCredential</c>.</summary>
    public string? AzureOpenAIApiKey { get; init; }

    /// <summary>An OpenAI platform key (<c>OPENAI_API_KEY</c>).</summary>
    public string? OpenAIApiKey { get; init; }

    /// <summary>A base model that supports preference (DPO) fine-tuning.</summary>
    public string BaseModel { get; init; } = "gpt-4.1-mini-2025-04-14";

    /// <summary>
    /// Your provider's price of one million trained tokens for <see cref="BaseModel"/>
    /// (<c>FINE_TUNING_PRICE_PER_MILLION_TOKENS</c>), to print a cost estimate; the SDK knows no prices.
    /// </summary>
    public decimal? PricePerMillionTokens { get; init; }

    /// <summary>Where the training file is written.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "foundry-training-samples");

    public static OpenAIFineTuningSettings FromEnvironment() => new()
    {
        AzureOpenAIEndpoint = Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT") is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
        AzureOpenAIApiKey = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") is { Length: > 0 } azureKey ? azureKey : null,
        OpenAIApiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } openAIKey ? openAIKey : null,
        PricePerMillionTokens = decimal.TryParse(
            Environment.GetEnvironmentVariable("FINE_TUNING_PRICE_PER_MILLION_TOKENS"), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal price) ? price : null,
    };
}
