namespace Foundry.Training.Conformance;

/// <summary>The three specs the runner drives the SDK against, and the two directions it checks them in.</summary>
internal static class ServiceNames
{
    /// <summary>Azure OpenAI authoring API 2024-05-01-preview (Swagger 2.0).</summary>
    public const string AzureOpenAI = "azure-openai";

    /// <summary>The OpenAI platform (OpenAPI 3.1).</summary>
    public const string OpenAI = "openai";

    /// <summary>Foundry training jobs: the TypeSpec compiled to OpenAPI 3.0 on every run.</summary>
    public const string Foundry = "foundry";

    /// <summary>The SDK's requests, against a Prism mock of the spec (modes <c>static</c> and <c>dynamic</c>).</summary>
    public const string Request = "request";

    /// <summary>The emulator's responses, through a validating Prism proxy in front of it (mode <c>proxy</c>).</summary>
    public const string Response = "response";

    /// <summary>The mode of the response direction.</summary>
    public const string Proxy = "proxy";
}
