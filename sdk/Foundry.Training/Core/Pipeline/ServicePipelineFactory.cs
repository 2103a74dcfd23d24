using System;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>How each of the three services is reached: base address, version and authentication.</summary>
internal static class ServicePipelineFactory
{
    /// <summary>The OpenAI platform's base address.</summary>
    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1");

    /// <summary>Foundry training jobs: <c>{project endpoint}</c>, <c>api-version=v1</c>, <c>Foundry-Features</c>, Entra bearer token.</summary>
    public static ServicePipeline ForTrainingJobs(Uri endpoint, TokenCredential credential, TrainingJobsClientOptions options)
    {
        TransportSecurity.RequireSecureEndpoint(endpoint, nameof(endpoint));
        Argument.AssertNotNull(credential, nameof(credential));
        HttpPipeline pipeline = ServicePipeline.Build(
            options,
            new TokenCredentialPolicy(credential, endpoint, options.Audience),
            new HeaderPolicy("Foundry-Features", options.FoundryFeatures));
        return new ServicePipeline(endpoint, pipeline, ServiceVersions.Foundry, options.Version, time: options.TimeProvider, buffering: options);
    }

    /// <summary>Foundry datasets: <c>{project endpoint}</c>, <c>api-version=v1</c>, Entra bearer token.</summary>
    public static ServicePipeline ForDatasets(Uri endpoint, TokenCredential credential, DatasetsClientOptions options)
    {
        TransportSecurity.RequireSecureEndpoint(endpoint, nameof(endpoint));
        Argument.AssertNotNull(credential, nameof(credential));
        HttpPipeline pipeline = ServicePipeline.Build(options, new TokenCredentialPolicy(credential, endpoint, options.Audience));
        return new ServicePipeline(endpoint, pipeline, ServiceVersions.FoundryDatasetsV1, options.Version, buffering: options);
    }

    /// <summary>Azure OpenAI authoring with an <c>api-key</c>: <c>{endpoint}/openai</c>, <c>api-version</c>.</summary>
    public static ServicePipeline ForAzureOpenAI(Uri endpoint, AzureKeyCredential credential, FineTuningClientOptions options)
    {
        TransportSecurity.RequireSecureEndpoint(endpoint, nameof(endpoint));
        Argument.AssertNotNull(credential, nameof(credential));
        Argument.AssertHeaderValue(credential.Key, nameof(credential));
        return AzureOpenAI(endpoint, new KeyCredentialPolicy(credential, endpoint, "api-key"), options);
    }

    /// <summary>Azure OpenAI authoring with an Entra ID token (scope <see cref="FineTuningClientOptions.Audience"/>).</summary>
    public static ServicePipeline ForAzureOpenAI(Uri endpoint, TokenCredential credential, FineTuningClientOptions options)
    {
        TransportSecurity.RequireSecureEndpoint(endpoint, nameof(endpoint));
        Argument.AssertNotNull(credential, nameof(credential));
        return AzureOpenAI(endpoint, new TokenCredentialPolicy(credential, endpoint, options.Audience), options);
    }

    /// <summary>The OpenAI platform: <c>Authorization: Bearer {key}</c>, optional organization and project headers, no version.</summary>
    public static ServicePipeline ForOpenAI(AzureKeyCredential apiKey, FineTuningClientOptions options)
    {
        Uri endpoint = options.OpenAIEndpoint ?? OpenAIEndpoint;
        TransportSecurity.RequireSecureEndpoint(endpoint, "options.OpenAIEndpoint");
        Argument.AssertNotNull(apiKey, nameof(apiKey));
        Argument.AssertHeaderValue(apiKey.Key, nameof(apiKey));
        var headers = new System.Collections.Generic.List<HttpPipelinePolicy>();
        if (!string.IsNullOrEmpty(options.OpenAIOrganization))
        {
            Argument.AssertHeaderValue(options.OpenAIOrganization!, "options.OpenAIOrganization");
            headers.Add(new HeaderPolicy("OpenAI-Organization", options.OpenAIOrganization!));
        }

        if (!string.IsNullOrEmpty(options.OpenAIProject))
        {
            Argument.AssertHeaderValue(options.OpenAIProject!, "options.OpenAIProject");
            headers.Add(new HeaderPolicy("OpenAI-Project", options.OpenAIProject!));
        }

        HttpPipeline pipeline = ServicePipeline.Build(options, new KeyCredentialPolicy(apiKey, endpoint, HttpHeader.Names.Authorization, "Bearer"), headers.ToArray());
        return new ServicePipeline(endpoint, pipeline, ServiceVersions.OpenAI, apiVersion: null, time: options.TimeProvider, buffering: options);
    }

    /// <summary>An unauthenticated pipeline for pre-signed URLs (artifact content URIs): credentials never leave for storage.</summary>
    public static HttpPipeline ForDownloads(ClientOptions options) => ServicePipeline.Build(options, authentication: null);

    private static ServicePipeline AzureOpenAI(Uri endpoint, HttpPipelinePolicy authentication, FineTuningClientOptions options)
    {
        var openAIRoot = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/openai");
        return new ServicePipeline(openAIRoot, ServicePipeline.Build(options, authentication), ServiceVersions.AzureOpenAI2024_05_01Preview, options.Version, time: options.TimeProvider, buffering: options);
    }
}
