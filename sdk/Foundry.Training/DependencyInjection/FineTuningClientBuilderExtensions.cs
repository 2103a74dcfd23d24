using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using Azure;
using Azure.Core;
using Azure.Core.Extensions;
using Foundry.Training;
using Foundry.Training.FineTuning;

namespace Microsoft.Extensions.Azure;

/// <summary>
/// Registers <see cref="FineTuningClient"/> (Azure OpenAI or the OpenAI platform) with Microsoft.Extensions.Azure
/// (<c>services.AddAzureClients(...)</c>), which then supplies the credential, options and client lifetime.
/// </summary>
public static class FineTuningClientBuilderExtensions
{
    /// <summary>
    /// Registers a <see cref="FineTuningClient"/> for an Azure OpenAI resource with Microsoft Entra ID; the credential is
    /// the registration's (<c>WithCredential</c>) or the builder's default (<c>UseCredential</c>, otherwise <c>DefaultAzureCredential</c>).
    /// </summary>
    /// <typeparam name="TBuilder">The Azure clients builder.</typeparam>
    /// <param name="builder">The builder passed to <c>AddAzureClients</c>.</param>
    /// <param name="azureOpenAIEndpoint">The resource endpoint, for example <c>https://myresource.openai.azure.com</c>.</param>
    /// <returns>The registration, to name it or configure its options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="azureOpenAIEndpoint"/> is null.</exception>
    public static IAzureClientBuilder<FineTuningClient, FineTuningClientOptions> AddFineTuningClient<TBuilder>(this TBuilder builder, Uri azureOpenAIEndpoint)
        where TBuilder : IAzureClientFactoryBuilderWithCredential
    {
        Argument.AssertNotNull(builder, nameof(builder));
        Argument.AssertNotNull(azureOpenAIEndpoint, nameof(azureOpenAIEndpoint));
        return builder.RegisterClientFactory<FineTuningClient, FineTuningClientOptions>((options, credential) => new FineTuningClient(azureOpenAIEndpoint, credential, options));
    }

    /// <summary>Registers a <see cref="FineTuningClient"/> for an Azure OpenAI resource with an API key (<c>api-key</c> header).</summary>
    /// <typeparam name="TBuilder">The Azure clients builder.</typeparam>
    /// <param name="builder">The builder passed to <c>AddAzureClients</c>.</param>
    /// <param name="azureOpenAIEndpoint">The resource endpoint, for example <c>https://myresource.openai.azure.com</c>.</param>
    /// <param name="credential">The API key.</param>
    /// <returns>The registration, to name it or configure its options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="azureOpenAIEndpoint"/> or <paramref name="credential"/> is null.</exception>
    public static IAzureClientBuilder<FineTuningClient, FineTuningClientOptions> AddFineTuningClient<TBuilder>(this TBuilder builder, Uri azureOpenAIEndpoint, AzureKeyCredential credential)
        where TBuilder : IAzureClientFactoryBuilder
    {
        Argument.AssertNotNull(builder, nameof(builder));
        Argument.AssertNotNull(azureOpenAIEndpoint, nameof(azureOpenAIEndpoint));
        Argument.AssertNotNull(credential, nameof(credential));
        return builder.RegisterClientFactory<FineTuningClient, FineTuningClientOptions>(options => new FineTuningClient(azureOpenAIEndpoint, credential, options));
    }

    /// <summary>
    /// Registers a <see cref="FineTuningClient"/> for the OpenAI platform (<see cref="FineTuningClient.ForOpenAI"/>):
    /// <c>ConfigureOptions</c> sets <see cref="FineTuningClientOptions.OpenAIEndpoint"/>, organization and project.
    /// </summary>
    /// <typeparam name="TBuilder">The Azure clients builder.</typeparam>
    /// <param name="builder">The builder passed to <c>AddAzureClients</c>.</param>
    /// <param name="apiKey">The OpenAI API key.</param>
    /// <returns>The registration, to name it or configure its options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="apiKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty.</exception>
    public static IAzureClientBuilder<FineTuningClient, FineTuningClientOptions> AddOpenAIFineTuningClient<TBuilder>(this TBuilder builder, string apiKey)
        where TBuilder : IAzureClientFactoryBuilder
    {
        Argument.AssertNotNull(builder, nameof(builder));
        Argument.AssertNotNullOrEmpty(apiKey, nameof(apiKey));
        return builder.RegisterClientFactory<FineTuningClient, FineTuningClientOptions>(options => FineTuningClient.ForOpenAI(apiKey, options));
    }

    /// <summary>
    /// Registers a <see cref="FineTuningClient"/> for Azure OpenAI from a configuration section:
    /// <c>azureOpenAIEndpoint</c> (required) and either <c>credential:key</c> (an API key) or the Entra credential settings
    /// Microsoft.Extensions.Azure understands, plus any option (<c>Retry:MaxRetries</c>, <c>ValidateRequests</c>, ...).
    /// </summary>
    /// <typeparam name="TBuilder">The Azure clients builder.</typeparam>
    /// <typeparam name="TConfiguration">The configuration type (<c>IConfiguration</c>).</typeparam>
    /// <param name="builder">The builder passed to <c>AddAzureClients</c>.</param>
    /// <param name="configuration">The configuration section, for example <c>Configuration.GetSection("FineTuning")</c>.</param>
    /// <returns>The registration, to name it or configure its options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is null.</exception>
#if NET
    [RequiresUnreferencedCode(ConfigurationBinding.TrimmingMessage)]
    [RequiresDynamicCode(ConfigurationBinding.TrimmingMessage)]
#endif
    public static IAzureClientBuilder<FineTuningClient, FineTuningClientOptions> AddFineTuningClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration)
        where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration>
    {
        Argument.AssertNotNull(builder, nameof(builder));
        Argument.AssertNotNull(configuration, nameof(configuration));
        return builder.RegisterClientFactory<FineTuningClient, FineTuningClientOptions>(configuration);
    }
}
