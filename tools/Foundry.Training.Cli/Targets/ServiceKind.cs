namespace Foundry.Training.Cli.Targets;

/// <summary>The service a command talks to (<c>--service</c>).</summary>
internal enum ServiceKind
{
    /// <summary>Azure AI Foundry training jobs (<c>--project-endpoint</c>, Entra ID).</summary>
    Foundry,

    /// <summary>Azure OpenAI fine-tuning (<c>--endpoint</c>, <c>--api-key</c> or Entra ID).</summary>
    AzureOpenAI,

    /// <summary>The OpenAI platform's fine-tuning (<c>OPENAI_API_KEY</c>).</summary>
    OpenAI,
}
