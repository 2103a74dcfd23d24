namespace Foundry.Training.Conformance;

/// <summary>The two specs the runner drives the SDK against.</summary>
internal static class ServiceNames
{
    /// <summary>Azure OpenAI authoring API 2024-05-01-preview (Swagger 2.0).</summary>
    public const string AzureOpenAI = "azure-openai";

    /// <summary>The OpenAI platform (OpenAPI 3.1).</summary>
    public const string OpenAI = "openai";
}
